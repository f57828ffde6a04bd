import type jsonata from 'jsonata';

/**
 * The top-level field keys an expression reads: the first step of every path (`price * qty` → price, qty;
 * `customer.name` → customer). Later steps name fields of nested objects, not of the record, so they are not
 * dependencies. An over-approximation is harmless; a miss would compute formulas in the wrong order.
 */
export function expressionDependencies(ast: jsonata.ExprNode, candidates: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  visit(ast, found, candidates);
  return found;
}

function visit(node: unknown, found: Set<string>, candidates: ReadonlySet<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, found, candidates);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as { type?: unknown; value?: unknown; steps?: unknown };
  if (n.type === 'path' && Array.isArray(n.steps)) {
    n.steps.forEach((step: unknown, i: number) => {
      const s = step as { type?: unknown; value?: unknown };
      if (s.type === 'name') {
        if (i === 0 && typeof s.value === 'string' && candidates.has(s.value)) found.add(s.value);
        visitChildren(s, found, candidates);
      } else visit(s, found, candidates);
    });
    visitChildren(node, found, candidates, 'steps');
    return;
  }
  if (n.type === 'name' && typeof n.value === 'string' && candidates.has(n.value)) found.add(n.value);
  visitChildren(node, found, candidates);
}

function visitChildren(node: object, found: Set<string>, candidates: ReadonlySet<string>, skip?: string): void {
  for (const [k, v] of Object.entries(node)) if (k !== skip && typeof v === 'object') visit(v, found, candidates);
}

/** Kahn's order of formula fields by their dependencies; `cycle` lists the fields caught in a cycle. */
export function orderByDependencies(deps: ReadonlyMap<string, ReadonlySet<string>>): {
  order: string[];
  cycle: string[];
} {
  const pending = new Map<string, Set<string>>();
  for (const [key, d] of deps) pending.set(key, new Set([...d].filter((x) => deps.has(x) && x !== key)));
  const selfCycles = [...deps].filter(([key, d]) => d.has(key)).map(([key]) => key);
  const order: string[] = [];
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const [key, d] of pending) {
      if ([...d].every((x) => order.includes(x))) {
        order.push(key);
        pending.delete(key);
        progressed = true;
      }
    }
  }
  return {
    order: order.filter((k) => !selfCycles.includes(k)),
    cycle: [...new Set([...selfCycles, ...pending.keys()])],
  };
}
