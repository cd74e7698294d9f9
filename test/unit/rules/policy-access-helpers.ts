// Workspace files for the policy access rule tests: Helm values configuring a bucket, and policies built from statements.
export const values = (bucket: string, folder = 'lse/', extra = '') =>
  `global:\n  persistence:\n    enabled: true\n    type: s3\n    config:\n      s3:\n        bucket: "${bucket}"\n        region: "us-east-1"\n        folder: "${folder}"\n${extra}`;

/** IRSA annotations on both pods (the role is the deployment's caller). */
export const irsa = (role = 'arn:aws:iam::123456789012:role/lse-storage') =>
  ['app', 'rqworker'].map((pod) => `${pod}:\n  serviceAccount:\n    annotations:\n      eks.amazonaws.com/role-arn: ${role}\n`).join('');

/** A policy laid out one element per line, as people write them. */
export const policy = (...statements: object[]) => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

export const prod = 'arn:aws:s3:::acme-labeling-prod';

/** What lse-persistence needs on acme-labeling-prod/lse/, as two statements. */
export const complete = [
  { Sid: 'List', Effect: 'Allow', Action: 's3:ListBucket', Resource: prod },
  { Sid: 'Objects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `${prod}/lse/*` },
];
