import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from './check-helpers';

const id = 'values/custom-ca-not-mounted';
const path = 'lse-values.yaml';

const certs = 'global:\n  customCaCerts:\n    - /opt/heartex/certs/corp-root.pem\n    - /etc/ssl/minio/ca.crt\n';
const mount = (pod: string, mountPath: string) => `${pod}:\n  extraVolumes:\n    - name: ca\n      secret:\n        secretName: corp-ca\n  extraVolumeMounts:\n    - name: ca\n      mountPath: ${mountPath}\n      readOnly: true\n`;

test('certificates no pod mounts: one warning per path, on the list item', () => {
  const found = findings(id, { [path]: certs }, path);
  assert.equal(found.length, 2);
  const [first] = found;
  assert.equal(first.severity, 'warning');
  assert.deepEqual(first.range, { start: { line: 3, column: 7 }, end: { line: 3, column: 39 } });
  assert.equal(
    first.message,
    'global.customCaCerts lists /opt/heartex/certs/corp-root.pem, but no app.extraVolumeMounts or rqworker.extraVolumeMounts mounts it: unless the image ' +
      'already has that file, the entrypoint logs "Missing certificate file" and leaves it out of the CA bundle, so TLS to a storage endpoint signed by ' +
      'that CA fails (CERTIFICATE_VERIFY_FAILED). Mount it from a Secret or ConfigMap through app.extraVolumes/extraVolumeMounts and rqworker.extraVolumes/extraVolumeMounts.',
  );
});

test('mounted on app only: the warning names rqworker', () => {
  const found = findings(id, { [path]: `${certs}${mount('app', '/opt/heartex/certs/')}${mount('rqworker', '/etc/ssl/minio/ca.crt')}` }, path);
  assert.equal(found.length, 2);
  assert.match(found[0].message, /^global\.customCaCerts lists \/opt\/heartex\/certs\/corp-root\.pem, but no rqworker\.extraVolumeMounts mounts it: .* \(CERTIFICATE_VERIFY_FAILED\) in rqworker\./);
  assert.match(found[1].message, /lists \/etc\/ssl\/minio\/ca\.crt, but no app\.extraVolumeMounts mounts it: .* in app\./);
});

test('good: every certificate under a mount (directory or the file itself) of both pods; no certificates', () => {
  const mounted = `${certs}${mount('app', '/opt/heartex/certs')}${mount('rqworker', '/opt/heartex/certs')}`.replace(/\/etc\/ssl\/minio\/ca\.crt/, '/opt/heartex/certs/minio/ca.crt');
  assert.deepEqual(findings(id, { [path]: mounted }, path), []);
  assert.deepEqual(findings(id, { [path]: 'global:\n  customCaCerts: []\n' }, path), []);
  assert.deepEqual(findings(id, { [path]: `global:\n  customCaCerts:\n    - /certs/a.pem\n${mount('app', '/certs/a.pem')}${mount('rqworker', '/certs/a.pem')}` }, path), []);
});
