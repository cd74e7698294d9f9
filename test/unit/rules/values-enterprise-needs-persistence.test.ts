import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyAndRecheck, findings, preferred, type Files } from './check-helpers';

const id = 'values/enterprise-needs-persistence';
const path = 'lse-values.yaml';

const values = (enabled: string, enterprise = 'true') =>
  `global:\n  persistence:\n    enabled:${enabled ? ` ${enabled}` : ''}\n    type: s3\n    config:\n      s3:\n        bucket: acme-media\n        region: us-east-1\n` +
  `        accessKeyExistingSecret: lse-storage\n        accessKeyExistingSecretKey: accesskey\n` +
  `        secretKeyExistingSecret: lse-storage\n        secretKeyExistingSecretKey: secretkey\nenterprise:\n  enabled: ${enterprise}\n`;

test('enterprise with persistence.enabled false: error on the value; the fix sets it to true and keeps the comment', () => {
  const files: Files = { [path]: values('false   # TODO storage') };
  const [finding, ...rest] = findings(id, files, path);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.range, { start: { line: 3, column: 14 }, end: { line: 3, column: 19 } });
  assert.equal(
    finding.message,
    "enterprise.enabled is true but global.persistence.enabled is false: the chart's configuration check for Label Studio Enterprise (lse.checkConfig.persistenceEnabled) fails, " +
      "so helm install and upgrade stop: without persistent storage exports do not work and uploaded data lives only on the pod's node. Set it to true and configure a storage type.",
  );
  const fix = preferred(finding);
  assert.equal(fix.title, 'Set global.persistence.enabled to true');
  assert.equal(applyAndRecheck(files, path, finding, fix), values('true   # TODO storage'));
});

test('an empty enabled (Helm reads null and drops the default) and YAML 1.1 words, which Helm reads as booleans', () => {
  const empty: Files = { [path]: values('') };
  const [finding] = findings(id, empty, path);
  assert.match(finding.message, /global\.persistence\.enabled is empty, which Helm reads as null and so drops the chart's default \(true\): /);
  assert.deepEqual(finding.range, { start: { line: 3, column: 5 }, end: { line: 3, column: 12 } });
  assert.equal(applyAndRecheck(empty, path, finding, preferred(finding)), values('true'));
  for (const off of ['off', 'No', '~', '""']) {
    const files: Files = { [path]: values(off, 'yes') };
    const [f] = findings(id, files, path);
    assert.ok(f, off);
    assert.equal(applyAndRecheck(files, path, f, preferred(f)), values('true', 'yes'), off);
  }
});

test('global.persistence left empty: Helm drops all its defaults; the fix adds enabled: true under it', () => {
  const files: Files = { [path]: 'global:\n  persistence:\n  image:\n    tag: 2.20.0\nenterprise:\n  enabled: true\n' };
  const [finding] = findings(id, files, path);
  assert.deepEqual(finding.range, { start: { line: 2, column: 3 }, end: { line: 2, column: 14 } });
  assert.match(finding.message, /^enterprise\.enabled is true but global\.persistence is empty, and Helm then drops the chart's defaults for it \(enabled: true among them\): /);
  assert.equal(preferred(finding).title, 'Add enabled: true');
  assert.equal(applyAndRecheck(files, path, finding, preferred(finding)), 'global:\n  persistence:\n    enabled: true\n  image:\n    tag: 2.20.0\nenterprise:\n  enabled: true\n');
  const tilde: Files = { [path]: 'global:\n  persistence: ~   # later\nenterprise:\n  enabled: true\n' };
  const [t] = findings(id, tilde, path);
  assert.equal(applyAndRecheck(tilde, path, t, preferred(t)), 'global:\n  persistence:\n    enabled: true   # later\nenterprise:\n  enabled: true\n');
});

test('good: persistence on or left to the chart default, and Label Studio without Enterprise', () => {
  const good = [
    values('true'),
    values('yes'),
    values('false', 'false'),
    values('false', 'off'),
    values('false').replace(/enterprise:\n {2}enabled: true\n/, ''),
    // No enabled key: the chart's default (true) applies.
    'global:\n  persistence:\n    type: s3\nenterprise:\n  enabled: true\n',
    'global:\n  image:\n    tag: 2.20.0\nenterprise:\n  enabled: true\n',
    'enterprise:\n  enabled: true\n',
  ];
  for (const text of good) assert.deepEqual(findings(id, { [path]: text }, path), [], text);
});

test('generated layouts: every fix parses, removes its finding and adds none; CRLF and comments are kept', () => {
  const word = fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off', 'True', 'FALSE', '~', 'null', '""', "''", '0', '1', '"false"', '');
  fc.assert(
    fc.property(word, word, fc.constantFrom('  ', '    '), fc.boolean(), fc.boolean(), fc.boolean(), (enabled, enterprise, unit, comments, crlf, emptyPersistence) => {
      const note = comments ? '  # note' : '';
      const i = (n: number) => unit.repeat(n);
      const persistence = emptyPersistence
        ? `${i(1)}persistence:${note}\n${i(1)}image:\n${i(2)}tag: 2.20.0\n`
        : `${i(1)}persistence:\n${i(2)}enabled:${enabled ? ` ${enabled}` : ''}${note}\n${i(2)}type: volume\n`;
      let text = `global:\n${persistence}enterprise:\n${i(1)}enabled:${enterprise ? ` ${enterprise}` : ''}${note}\n`;
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const files: Files = { [path]: text };
      for (const finding of findings(id, files, path)) {
        const fixed = applyAndRecheck(files, path, finding, preferred(finding));
        assert.equal(fixed.split('\r\n').length, crlf ? fixed.split('\n').length : 1, 'line breaks stay as they were');
        assert.equal((fixed.match(/# note/g) ?? []).length, (text.match(/# note/g) ?? []).length, 'comments stay');
        assert.deepEqual(findings(id, { [path]: fixed }, path), []);
      }
    }),
    { seed: 5, numRuns: 400 },
  );
});
