// Executable entry of `bucket-doctor`; the logic lives in main.ts so tests can call it.
import { main } from './main';

process.exitCode = main(process.argv.slice(2));
