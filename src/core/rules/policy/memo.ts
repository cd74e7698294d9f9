// Policies repeat the same actions, resources and keys many times; rules answer each distinct question once. The
// questions are keyed by the strings as read (no joined or lower-cased copies: V8 hashes each string once).
import { actionsMatching } from '../../iam/catalog';

/** A map that starts over past `limit` entries, so an editor session stays small. */
function lookup<V>(answers: Map<string, V>, key: string, make: (key: string) => V, limit: number): V {
  const known = answers.get(key);
  if (known !== undefined || answers.has(key)) return known as V;
  if (answers.size >= limit) answers.clear();
  const value = make(key);
  answers.set(key, value);
  return value;
}

/** `fn` with its answers remembered. */
export function memoize<V>(fn: (key: string) => V, limit = 10_000): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => lookup(answers, key, fn, limit);
}

/** `fn` of two strings with its answers remembered. */
export function memoize2<V>(fn: (a: string, b: string) => V, limit = 1_000): (a: string, b: string) => V {
  const answers = new Map<string, Map<string, V>>();
  return (a, b) => {
    let inner = answers.get(a);
    if (!inner) {
      if (answers.size >= limit) answers.clear();
      answers.set(a, (inner = new Map<string, V>()));
    }
    const known = inner.get(b);
    if (known !== undefined || inner.has(b)) return known as V;
    if (inner.size >= limit) inner.clear();
    const value = fn(a, b);
    inner.set(b, value);
    return value;
  };
}

/** Catalog actions an Action entry names (IAM compares actions case-insensitively); none for `*`. */
export const actionsNamed = memoize((pattern: string) => (pattern === '*' ? [] : actionsMatching(pattern)));
