import { invalidValueRule } from './invalid-value';

export const invalidBoolean = invalidValueRule('env/invalid-boolean', 'Boolean Label Studio refuses at startup', ['bool']);
