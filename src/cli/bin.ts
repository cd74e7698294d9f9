// Executable entry of `bucket-doctor`; the logic lives in main.ts so tests can call it.
import { main } from './main';

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
