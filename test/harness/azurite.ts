// Azurite's Blob service on 127.0.0.1 (in memory, telemetry off); its workspace and debug log live in a temp dir.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startProcess, waitForOutput } from './process';

export interface Azurite {
  /** `http://127.0.0.1:PORT/devstoreaccount1` */
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
  connectionString: string;
  /** Process group of the Azurite process, to check nothing outlives stop(). */
  processGroups: number[];
  /** Its temp dir (debug log, working directory), deleted by stop(). */
  dir: string;
  stop(): Promise<void>;
}

/** Azurite's fixed development account (public, documented by Microsoft). */
export const devAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

/** node_modules/.bin/azurite-blob, found through module resolution so any working directory works. */
function azuriteBin(): string {
  let bin: string | undefined;
  try {
    bin = join(dirname(require.resolve('azurite/package.json')), '..', '.bin', 'azurite-blob');
  } catch {
    // Reported below.
  }
  if (bin === undefined || !existsSync(bin)) throw new Error('azurite-blob not found: azurite is a devDependency, run `npm install`');
  return bin;
}

export async function startAzurite(): Promise<Azurite> {
  const bin = azuriteBin();
  const dir = await mkdtemp(join(tmpdir(), 'bd-azurite-'));
  // --skipApiVersionCheck: the SDK's x-ms-version is newer than Azurite accepts; --disableTelemetry: stay offline.
  const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--disableTelemetry'];
  args.push('--skipApiVersionCheck', '--debug', join(dir, 'debug.log'));
  // Azurite refuses --location together with --inMemoryPersistence; its default location is the working directory.
  const azurite = startProcess(bin, args, { cwd: dir });
  const stop = async () => {
    await azurite.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [, port] = await waitForOutput(azurite, /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/, 30_000);
    const blobEndpoint = `http://127.0.0.1:${port}/${devAccount.name}`;
    return {
      blobEndpoint,
      accountName: devAccount.name,
      accountKey: devAccount.key,
      connectionString:
        `DefaultEndpointsProtocol=http;AccountName=${devAccount.name};AccountKey=${devAccount.key};` +
        `BlobEndpoint=${blobEndpoint};`,
      processGroups: azurite.child.pid === undefined ? [] : [azurite.child.pid],
      dir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
