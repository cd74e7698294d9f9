// A test double of AWS STS and IAM on 127.0.0.1, used only because no real IAM runs locally. Speaks the AWS query
// API wire format (POST /, form-encoded, SigV4 Authorization, XML answers and ErrorResponse errors) for the two
// actions Test Bucket Access sends: STS GetCallerIdentity and IAM SimulatePrincipalPolicy. Simulation decisions come
// from the project's policy evaluator over the role's policies and the resource policy sent with the request.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluate, type PolicyInput } from '../../src/core/iam/evaluate';
import { parsePolicy } from '../../src/core/iam/policy';

export interface IamCaller {
  accessKeyId: string;
  arn: string;
  /** May call iam:SimulatePrincipalPolicy. */
  maySimulate?: boolean;
}

export interface SeenCall {
  action: string;
  params: URLSearchParams;
  accessKeyId?: string;
}

export interface IamDouble {
  /** `http://127.0.0.1:PORT`: the endpoint for both the STS and the IAM client. */
  endpoint: string;
  addCaller(caller: IamCaller): void;
  /** The identity policies (JSON texts) attached to a role. */
  setRolePolicies(roleArn: string, policies: readonly string[]): void;
  readonly calls: readonly SeenCall[];
  stop(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class QueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
  }
}

/** `ActionNames.member.1`, `ActionNames.member.2`, … in order. */
function members(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) out.push(params.get(`${name}.member.${i}`) ?? '');
  return out;
}

function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

export async function startIamDouble(): Promise<IamDouble> {
  const callers = new Map<string, IamCaller>();
  const roles = new Map<string, string[]>();
  const calls: SeenCall[] = [];

  function caller(req: IncomingMessage): IamCaller {
    const auth = req.headers.authorization ?? '';
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(auth);
    if (!m) throw new QueryError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const found = callers.get(m[1]);
    if (!found) throw new QueryError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    return found;
  }

  function simulate(params: URLSearchParams, who: IamCaller): string {
    const roleArn = params.get('PolicySourceArn') ?? '';
    if (!who.maySimulate) throw new QueryError(403, 'AccessDenied', `User: ${who.arn} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${roleArn}`);
    const policies = roles.get(roleArn);
    if (!policies) throw new QueryError(404, 'NoSuchEntity', `The role with name ${roleArn.split('/').pop()} cannot be found.`);
    const inputs: PolicyInput[] = policies.map((text, i) => ({ policy: parsePolicy(text), file: `role-policy-${i}.json`, kind: 'identity' }));
    const resourcePolicy = params.get('ResourcePolicy');
    if (resourcePolicy) inputs.push({ policy: parsePolicy(resourcePolicy), file: 'resource-policy.json', kind: 'resource' });
    const resources = members(params, 'ResourceArns');
    const results: string[] = [];
    for (const action of members(params, 'ActionNames')) {
      for (const resource of resources.length > 0 ? resources : ['*']) {
        const decision = evaluate({ action, resource, principal: roleArn, context: { 'aws:PrincipalArn': roleArn, 'aws:PrincipalAccount': accountOf(roleArn) } }, inputs);
        const value = decision.decision === 'allowed' ? 'allowed' : decision.explicitDeny ? 'explicitDeny' : 'implicitDeny';
        results.push(
          `<member><EvalActionName>${escapeXml(action)}</EvalActionName><EvalResourceName>${escapeXml(resource)}</EvalResourceName><EvalDecision>${value}</EvalDecision><MatchedStatements/><MissingContextValues/></member>`,
        );
      }
    }
    return `<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>${results.join('')}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>`;
  }

  function route(params: URLSearchParams, req: IncomingMessage): string {
    const action = params.get('Action') ?? '';
    const who = caller(req);
    calls.push({ action, params, accessKeyId: who.accessKeyId });
    if (action === 'GetCallerIdentity' && params.get('Version') === '2011-06-15') {
      return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${escapeXml(who.arn)}</Arn><UserId>AIDAEXAMPLE${who.accessKeyId.slice(-6)}</UserId><Account>${accountOf(who.arn)}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
    }
    if (action === 'SimulatePrincipalPolicy' && params.get('Version') === '2010-05-08') return simulate(params, who);
    throw new QueryError(400, 'InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? ''}`);
  }

  function reply(res: ServerResponse, status: number, xml: string): void {
    res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml), 'x-amzn-requestid': randomUUID() }).end(xml);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
          throw new QueryError(400, 'InvalidRequest', 'Expected a form-encoded POST');
        }
        reply(res, 200, route(new URLSearchParams(Buffer.concat(chunks).toString('utf8')), req));
      } catch (error) {
        const e = error instanceof QueryError ? error : new QueryError(500, 'InternalFailure', String(error), 'Receiver');
        reply(res, e.status, `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${e.type}</Type><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    addCaller: (c) => callers.set(c.accessKeyId, c),
    setRolePolicies: (roleArn, policies) => roles.set(roleArn, [...policies]),
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
