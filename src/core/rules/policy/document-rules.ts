import type { Rule } from '../rule';
import { actionResourceMismatch } from './action-resource-mismatch';
import { conditionKeyMismatch } from './condition-key-mismatch';
import { duplicateSid } from './duplicate-sid';
import { elementConflict } from './element-conflict';
import { invalidArn } from './invalid-arn';
import { invalidConditionValue } from './invalid-condition-value';
import { invalidEffect } from './invalid-effect';
import { invalidJson } from './invalid-json';
import { placeholder } from './placeholder';
import { unknownAction } from './unknown-action';
import { unknownConditionOperator } from './unknown-condition-operator';
import { unknownElement } from './unknown-element';
import { version } from './version';

/** Rules about how a policy document is written (syntax, elements, names, values). */
export const documentRules: readonly Rule[] = [
  invalidJson,
  version,
  unknownElement,
  invalidEffect,
  elementConflict,
  unknownAction,
  actionResourceMismatch,
  invalidArn,
  placeholder,
  unknownConditionOperator,
  invalidConditionValue,
  conditionKeyMismatch,
  duplicateSid,
];
