// Makes sure the Debian packages the test tiers need are installed: installs them as root, else says how.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What each tier needs: a file that proves the package is there, and the Debian package providing it. */
const ceph = [
  ['/usr/bin/radosgw', 'radosgw'],
  ['/usr/bin/ceph-mon', 'ceph-mon'],
  ['/usr/bin/ceph-osd', 'ceph-osd'],
];
const needs = {
  live: ceph,
  // The bench times Test Bucket Access against RGW, and Debian's aws CLI doing the same calls.
  bench: [...ceph, ['/usr/bin/aws', 'awscli']],
  // The Test Bucket Access and Buckets view suites start their own RGW when no live tier runs beside them.
  vscode: [
    ...ceph,
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/bin/rg', 'ripgrep'],
    // code-server's kerberos native module is compiled against gssapi.h.
    ['/usr/include/gssapi/gssapi.h', 'libkrb5-dev'],
  ],
};

/** Ensures the packages for `tiers`; returns false (after printing the command) when it cannot install them. */
export function ensureDebianPackages(tiers) {
  const missing = [...new Set(tiers.flatMap((t) => needs[t] ?? []).filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg))];
  if (missing.length === 0) return true;
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`Missing Debian packages: ${missing.join(' ')}. Install them with:\n  sudo apt-get update && sudo apt-get ${install.join(' ')}`);
    return false;
  }
  console.log(`Installing Debian packages: ${missing.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['-q', ...install]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
      return false;
    }
  }
  return true;
}

/** The version line of a tool, for the run's header. */
export function versionOf(command, args = ['--version']) {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return 'not found';
  }
}
