import { invalidValueRule } from './invalid-value';

export const invalidInteger = invalidValueRule('env/invalid-integer', 'Integer Label Studio refuses at startup', ['int', 'int-bool']);
