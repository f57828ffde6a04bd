import Ajv, { type ValidateFunction } from 'ajv';
import type { MetadataIssue } from './metadata-validation';
import { flowDefinitionSchema } from './flow-schema';

let validator: ValidateFunction | undefined;

/**
 * Structural validation of a flow document against `flowDefinitionSchema`: one issue per violation, `path` a JSON
 * pointer. Graph rules (reachability, joins, assignees, condition fields) are `validateFlow` in @tessera/flow-engine.
 */
export function validateFlowDefinitionShape(x: unknown): MetadataIssue[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(flowDefinitionSchema);
  if (validator(x)) return [];
  const issues: MetadataIssue[] = [];
  const seen = new Set<string>();
  for (const e of validator.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue;
    const path = e.keyword === 'required' ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath;
    const issue = { path, code: e.keyword, message: e.message ?? e.keyword };
    const id = `${issue.path}|${issue.code}|${issue.message}`;
    if (!seen.has(id)) issues.push(issue);
    seen.add(id);
  }
  return issues;
}
