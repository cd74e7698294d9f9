import type { Rule } from '../rule';
import { folderFormat } from './folder-format';
import { invalidBucketName } from './invalid-bucket-name';
import { unknownRegion } from './unknown-region';
import { yamlSyntax } from './yaml-syntax';

export const commonRules: readonly Rule[] = [yamlSyntax, invalidBucketName, unknownRegion, folderFormat];
