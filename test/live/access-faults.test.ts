// Test Bucket Access through a fault-injecting proxy in front of RGW: stalls become timeout rows within the timeout,
// resets and 503s are retried a bounded number of times, a cancel mid-run leaves no probe behind.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { isProbeKey } from '../../src/core/access/probe-keys';
import { reportPassed } from '../../src/core/access/report';
import { runAccessTest, type AccessTarget } from '../../src/core/access/runner';
import { createAccessClient } from '../../src/providers/access';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { admin, createBucket, ref, rgw, row, s3Keys } from './access-fixtures';

let bucket: string;
let proxy: FaultProxy;
const timeoutMs = 1500;
/** Short waits between attempts keep the test fast; the count is the production one. */
const retry = { attempts: 3, baseDelayMs: 20 };

before(async () => {
  bucket = await createBucket('bd-faults');
  proxy = await startFaultProxy(rgw.endpoint);
});
after(() => proxy.stop());
beforeEach(() => {
  proxy.reset();
  proxy.latencyMs = 0;
});

const target = (): AccessTarget => ({ ref: ref('s3', bucket, { endpoint: proxy.endpoint, region: rgw.region }), credentials: s3Keys(rgw.owner) });

async function probesLeft(): Promise<string[]> {
  const out = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (out.Contents ?? []).map((o) => o.Key ?? '').filter(isProbeKey);
}

const puts = () => proxy.requests.filter((r) => r.method === 'PUT' && isProbeKey(decodeURIComponent(new URL(r.url, 'http://x').pathname.split('/').slice(2).join('/'))));

test('a stalled list is a timed-out row within the timeout, and the run goes on', async () => {
  proxy.addRule({ method: 'GET', path: /list-type=2/, fault: { kind: 'stall' } });
  const begin = Date.now();
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs, retry });
  const list = row(report, 'list');
  assert.deepEqual([list.result, list.code], ['timed-out', 'TimeoutError']);
  assert.ok((list.latencyMs ?? 0) >= timeoutMs - 50 && (list.latencyMs ?? 0) < timeoutMs + 500, `latency ${list.latencyMs}`);
  assert.match(list.hint ?? '', /No answer within 1\.5 s/);
  // Not retried: a stalled server would only stall again.
  assert.equal(proxy.requests.filter((r) => /list-type=2/.test(r.url)).length, 1);
  assert.equal(row(report, 'put').result, 'passed');
  assert.equal(row(report, 'delete').result, 'passed');
  assert.ok(Date.now() - begin < 3 * timeoutMs, `whole run ${Date.now() - begin} ms`);
  assert.deepEqual(await probesLeft(), []);
});

test('connection resets are retried a bounded number of times, then reported', async () => {
  proxy.addRule({ method: 'PUT', fault: { kind: 'reset' } });
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs, retry });
  const put = row(report, 'put');
  assert.equal(put.result, 'unreachable', JSON.stringify(put));
  assert.match(put.code ?? '', /ECONNRESET|socket hang up|EPIPE/);
  assert.equal(puts().length, 3);
  assert.equal(reportPassed(report), false);
  assert.deepEqual(report.leftovers, []);
  assert.deepEqual(await probesLeft(), []);
});

test('503s are retried a bounded number of times, then an error row with the service code', async () => {
  proxy.addRule({ method: 'PUT', fault: { kind: 'status', status: 503, code: 'SlowDown' } });
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs, retry });
  assert.deepEqual([row(report, 'put').result, row(report, 'put').code], ['error', 'SlowDown']);
  assert.equal(puts().length, 3);
  assert.deepEqual(await probesLeft(), []);
});

test('one 503 is cured by a retry; a 403 is never retried', async () => {
  proxy.addRule({ method: 'PUT', fault: { kind: 'status', status: 503, code: 'ServiceUnavailable' }, times: 1 });
  const cured = await runAccessTest(target(), createAccessClient, { timeoutMs, retry });
  assert.equal(row(cured, 'put').result, 'passed');
  assert.equal(puts().length, 2);
  assert.ok(reportPassed(cured));

  proxy.reset();
  proxy.addRule({ method: 'PUT', fault: { kind: 'status', status: 403, code: 'AccessDenied' } });
  const denied = await runAccessTest(target(), createAccessClient, { timeoutMs, retry });
  assert.equal(row(denied, 'put').result, 'denied');
  assert.equal(puts().length, 1);
});

test('cancelled mid-run: the rest is skipped and the probe already written is deleted', async () => {
  proxy.latencyMs = 100;
  const controller = new AbortController();
  const report = await runAccessTest(target(), createAccessClient, {
    timeoutMs,
    retry,
    signal: controller.signal,
    onRow: (r) => {
      if (r.operation === 'put') controller.abort();
    },
  });
  assert.equal(row(report, 'put').result, 'passed');
  for (const op of ['get', 'delete']) assert.deepEqual([row(report, op).result, row(report, op).hint], ['skipped', 'Cancelled.']);
  assert.deepEqual(report.leftovers, []);
  assert.ok(proxy.requests.some((r) => r.method === 'DELETE'), 'the cleanup deleted the probe');
  assert.deepEqual(await probesLeft(), []);
});

test('cancelled while the write is in flight: the probe it may have created is deleted', async () => {
  proxy.latencyMs = 300;
  const controller = new AbortController();
  const running = runAccessTest(target(), createAccessClient, { timeoutMs, retry, signal: controller.signal });
  // The PUT reaches the proxy; cancel while it waits out the latency (it is then forwarded regardless).
  while (puts().length === 0) await new Promise((r) => setTimeout(r, 10));
  controller.abort();
  const report = await running;
  assert.equal(row(report, 'put').result, 'skipped');
  assert.deepEqual(report.leftovers, []);
  // The cleanup's delete waits out the same latency, so it reaches the server after the write it removes.
  await new Promise((r) => setTimeout(r, 400));
  assert.deepEqual(await probesLeft(), []);
});

test('a probe whose delete keeps stalling is reported by its full key', async () => {
  proxy.addRule({ method: 'DELETE', fault: { kind: 'stall' } });
  const report = await runAccessTest(target(), createAccessClient, { timeoutMs: 800, retry });
  assert.equal(row(report, 'delete').result, 'timed-out');
  assert.equal(report.leftovers.length, 1);
  assert.match(report.leftovers[0], /^media\/\.bucket-doctor-probe-[0-9a-f]{16}$/);
  assert.deepEqual(await probesLeft(), report.leftovers);
  assert.equal(reportPassed(report), false);
  await admin.send(new DeleteObjectCommand({ Bucket: bucket, Key: report.leftovers[0] }));
});
