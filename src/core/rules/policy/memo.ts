// Policies repeat the same actions, resources and keys many times; rules answer each distinct question once.
import { actionsMatching } from '../../iam/catalog';

/** `fn` with its answers remembered; the memory starts over past `limit` entries, so an editor session stays small. */
export function memoize<V>(fn: (key: string) => V, limit = 10_000): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as V;
    if (answers.size >= limit) answers.clear();
    const value = fn(key);
    answers.set(key, value);
    return value;
  };
}

/** Catalog actions an Action entry names, by its lower-cased text (IAM compares actions case-insensitively); none for `*`. */
export const actionsNamed = memoize((pattern: string) => (pattern === '*' ? [] : actionsMatching(pattern)));
