import type { Rule } from '../rule';
import { accessKeyFormat } from './access-key-format';
import { azureKeyFormat } from './azure-key-format';
import { conflictingCredentials } from './conflicting-credentials';
import { customCaNotMounted } from './custom-ca-not-mounted';
import { enterpriseNeedsPersistence } from './enterprise-needs-persistence';
import { gcsCredentialsJson } from './gcs-credentials-json';
import { incompleteExistingSecret } from './incomplete-existing-secret';
import { invalidGcpServiceAccount } from './invalid-gcp-service-account';
import { invalidRoleArn } from './invalid-role-arn';
import { misplacedPersistence } from './misplaced-persistence';
import { missingRequired } from './missing-required';
import { noCredentials } from './no-credentials';
import { plaintextSecret } from './plaintext-secret';
import { serviceAccountAnnotationMismatch } from './service-account-annotation-mismatch';
import { typeConfigMismatch } from './type-config-mismatch';
import { unknownKey } from './unknown-key';
import { unknownStorageType } from './unknown-storage-type';
import { urlExpiration } from './url-expiration';

export const valuesRules: readonly Rule[] = [
  unknownKey,
  misplacedPersistence,
  unknownStorageType,
  missingRequired,
  typeConfigMismatch,
  incompleteExistingSecret,
  conflictingCredentials,
  plaintextSecret,
  serviceAccountAnnotationMismatch,
  invalidRoleArn,
  invalidGcpServiceAccount,
  noCredentials,
  urlExpiration,
  gcsCredentialsJson,
  azureKeyFormat,
  accessKeyFormat,
  enterpriseNeedsPersistence,
  customCaNotMounted,
];
