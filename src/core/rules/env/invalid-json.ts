import { invalidValueRule } from './invalid-value';

export const invalidJson = invalidValueRule('env/invalid-json', 'JSON Label Studio refuses at startup', ['json']);
