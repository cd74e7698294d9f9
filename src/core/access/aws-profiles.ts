// The AWS shared files: profile names for the picker, and the static keys of the profile the user chose.

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

export interface StaticKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** `key = value` settings of the section `header`; a repeated section adds to the first. */
function sectionSettings(text: string, header: string): Map<string, string> {
  const settings = new Map<string, string>();
  let inside = false;
  for (const line of text.split(/\r?\n/)) {
    const found = /^\s*\[([^\]]*)\]/.exec(line)?.[1];
    if (found !== undefined) {
      inside = found.trim().replace(/\s+/g, ' ') === header;
      continue;
    }
    const setting = inside ? /^\s*([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line) : null;
    if (setting && !settings.has(setting[1].toLowerCase())) settings.set(setting[1].toLowerCase(), setting[2]);
  }
  return settings;
}

/**
 * The access keys a profile holds itself (credentials file `[NAME]`, else config file `[profile NAME]` or
 * `[default]`); undefined for profiles that get keys elsewhere (SSO, role assumption, credential_process).
 */
export function staticProfileKeys(configText: string, credentialsText: string, profile: string): StaticKeys | undefined {
  for (const settings of [sectionSettings(credentialsText, profile), sectionSettings(configText, profile === 'default' ? 'default' : `profile ${profile}`)]) {
    const accessKeyId = settings.get('aws_access_key_id');
    const secretAccessKey = settings.get('aws_secret_access_key');
    if (accessKeyId && secretAccessKey) {
      const sessionToken = settings.get('aws_session_token');
      return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
    }
  }
  return undefined;
}

function sectionHeaders(text: string): string[] {
  const headers: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/.exec(line)?.[1];
    if (header !== undefined) headers.push(header.trim());
  }
  return headers;
}
