// Profile names from the AWS shared files, for the profile picker; only section headers are read, never a value.

/**
 * Profiles named in ~/.aws/config (`[default]`, `[profile NAME]`; `[sso-session …]` and `[services …]` are not
 * profiles) and ~/.aws/credentials (`[NAME]`), in first-seen order without duplicates, `default` first.
 */
export function awsProfileNames(configText: string, credentialsText: string): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (name !== '' && !names.includes(name)) names.push(name);
  };
  for (const header of sectionHeaders(configText)) {
    if (header === 'default') add('default');
    else {
      const profile = /^profile\s+(.+)$/.exec(header)?.[1];
      if (profile) add(profile.trim());
    }
  }
  for (const header of sectionHeaders(credentialsText)) add(header);
  return names.includes('default') ? ['default', ...names.filter((n) => n !== 'default')] : names;
}

function sectionHeaders(text: string): string[] {
  const headers: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(line)?.[1];
    if (header !== undefined) headers.push(header.trim());
  }
  return headers;
}
