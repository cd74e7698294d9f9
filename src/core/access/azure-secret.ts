// Tells apart what a user pastes for an Azure container: a connection string, a SAS URL or a bare SAS token.

export type AzureSecret =
  | { kind: 'connection-string'; connectionString: string }
  /** `serviceUrl` is the account's blob endpoint (`https://acct.blob.core.windows.net`), `sas` the query without `?`. */
  | { kind: 'sas'; serviceUrl: string; sas: string };

/** A SAS carries a signature (`sig=`) and a version (`sv=`) or, for user delegation, `skoid=`. */
function isSasQuery(query: string): boolean {
  const params = new URLSearchParams(query);
  return params.has('sig') && (params.has('sv') || params.has('skoid'));
}

/**
 * Reads a pasted secret. A SAS URL may name the container (`…/container?sv=…`): the service URL is its origin and
 * account path (Azurite puts the account in the path). A bare token needs `serviceUrl` to say where it applies.
 * Undefined when it is neither.
 */
export function parseAzureSecret(input: string, serviceUrl?: string): AzureSecret | undefined {
  const text = input.trim();
  if (/(?:^|;)\s*(?:AccountName|BlobEndpoint|SharedAccessSignature|UseDevelopmentStorage)\s*=/i.test(text)) {
    return { kind: 'connection-string', connectionString: text };
  }
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    const sas = url.search.replace(/^\?/, '');
    if (!isSasQuery(sas)) return undefined;
    const segments = url.pathname.split('/').filter(Boolean);
    // Azurite and other emulators: http://127.0.0.1:10000/<account>/<container>.
    const accountInPath = /^(?:\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[^\]]+\])$/i.test(url.hostname) ? segments.slice(0, 1) : [];
    return { kind: 'sas', serviceUrl: `${url.origin}${accountInPath.map((s) => `/${s}`).join('')}`, sas };
  }
  const token = text.replace(/^\?/, '');
  if (serviceUrl && isSasQuery(token)) return { kind: 'sas', serviceUrl: serviceUrl.replace(/\/+$/, ''), sas: token };
  return undefined;
}
