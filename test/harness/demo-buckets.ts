// Local buckets for the demo (`npm start`): Ceph RGW with one bucket whose user passes lse-persistence and one whose
// user's policy denies writes, and an Azurite container, each holding a few sample objects. A new user sees both
// outcomes of Test Bucket Access within a minute.
import { CreateBucketCommand, PutBucketCorsCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite, type Azurite } from './azurite';
import { startRgw, type Rgw, type S3Credentials } from './rgw';

export interface DemoS3Bucket {
  name: string;
  folder: string;
  /** The bucket's own user: what `STORAGE_AWS_ACCESS_KEY_ID` / `_SECRET_ACCESS_KEY` should hold for the demo. */
  credentials: S3Credentials;
}

export interface DemoBuckets {
  s3: {
    endpoint: string;
    region: string;
    /** Its user may list, read, write and delete under the folder: every lse-persistence check passes. */
    passing: DemoS3Bucket;
    /** Its user may only list and read: the write and delete checks are denied. */
    deniedWrites: DemoS3Bucket;
  };
  azure: { endpoint: string; accountName: string; accountKey: string; connectionString: string; container: string; folder: string };
  stop(): Promise<void>;
}

export interface DemoNames {
  passing: string;
  deniedWrites: string;
  container: string;
  folder: string;
}

/** The Label Studio the demo workspace names (LABEL_STUDIO_HOST): the passing bucket's CORS rules let its browser in. */
export const demoLabelStudioOrigin = 'https://label.acme-demo.example';

export const defaultDemoNames: DemoNames = { passing: 'acme-labeling-demo', deniedWrites: 'acme-labeling-readonly', container: 'lse-demo', folder: 'lse' };

/** The sample objects every demo bucket and container holds under its folder. */
const samples: Readonly<Record<string, string>> = {
  'images/cat-0001.jpg': 'sample image bytes (not a real JPEG)\n',
  'images/cat-0002.jpg': 'another sample image\n',
  'tasks/import.json': '[{"data": {"image": "images/cat-0001.jpg"}}]\n',
};

function folderPolicy(bucket: string, folder: string, user: string, writes: boolean): string {
  const principal = { AWS: [`arn:aws:iam:::user/${user}`] };
  const objectActions = writes ? ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] : ['s3:GetObject'];
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ListAndLocateTheBucket', Effect: 'Allow', Principal: principal, Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetBucketCORS'], Resource: [`arn:aws:s3:::${bucket}`] },
      { Sid: writes ? 'ReadWriteObjects' : 'ReadObjectsOnly', Effect: 'Allow', Principal: principal, Action: objectActions, Resource: [`arn:aws:s3:::${bucket}/${folder}/*`] },
    ],
  });
}

/** What seeding needs of the servers, so tests can seed the live tier's own servers. */
export interface DemoServers {
  s3: Pick<Rgw, 'endpoint' | 'region' | 'owner' | 'createUser'>;
  azure: Pick<Azurite, 'blobEndpoint' | 'accountName' | 'accountKey' | 'connectionString'>;
}

/** Creates the demo buckets, users, policies, container and sample objects on running servers. */
export async function seedDemoBuckets(servers: DemoServers, names: DemoNames = defaultDemoNames): Promise<Omit<DemoBuckets, 'stop'>> {
  const { s3, azure } = servers;
  const admin = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: s3.owner });
  const bucket = async (name: string, writes: boolean): Promise<DemoS3Bucket> => {
    const user = `${name}-user`;
    const credentials = await s3.createUser(user);
    await admin.send(new CreateBucketCommand({ Bucket: name }));
    await admin.send(new PutBucketPolicyCommand({ Bucket: name, Policy: folderPolicy(name, names.folder, user, writes) }));
    // Only the passing bucket serves Label Studio's browser: the other one's CORS check shows what a missing rule looks like.
    if (writes) await admin.send(new PutBucketCorsCommand({ Bucket: name, CORSConfiguration: { CORSRules: [{ AllowedOrigins: [demoLabelStudioOrigin], AllowedMethods: ['GET', 'HEAD'] }] } }));
    for (const [key, body] of Object.entries(samples)) await admin.send(new PutObjectCommand({ Bucket: name, Key: `${names.folder}/${key}`, Body: body }));
    return { name, folder: names.folder, credentials };
  };
  const [passing, deniedWrites] = await Promise.all([bucket(names.passing, true), bucket(names.deniedWrites, false)]);

  const container = BlobServiceClient.fromConnectionString(azure.connectionString).getContainerClient(names.container);
  await container.create();
  for (const [key, body] of Object.entries(samples)) await container.getBlockBlobClient(`${names.folder}/${key}`).uploadData(Buffer.from(body));

  return {
    s3: { endpoint: s3.endpoint, region: s3.region, passing, deniedWrites },
    azure: { endpoint: azure.blobEndpoint, accountName: azure.accountName, accountKey: azure.accountKey, connectionString: azure.connectionString, container: names.container, folder: names.folder },
  };
}

/** Starts RGW and Azurite on 127.0.0.1 and seeds them; stop() ends both and deletes their temp dirs. */
export async function startDemoBuckets(names: DemoNames = defaultDemoNames): Promise<DemoBuckets> {
  const [rgw, azurite] = await Promise.allSettled([startRgw(), startAzurite()]);
  const stop = async () => {
    await Promise.all([rgw, azurite].map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
  };
  try {
    if (rgw.status === 'rejected') throw rgw.reason;
    if (azurite.status === 'rejected') throw azurite.reason;
    return { ...(await seedDemoBuckets({ s3: rgw.value, azure: azurite.value }, names)), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
