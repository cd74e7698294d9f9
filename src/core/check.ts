// The one entry point the editor and the CLI share: check files of a workspace snapshot.
import type { Finding } from './model';
import { allRules } from './rules';
import { runRules } from './rules/rule';
import type { SourceFile, Workspace } from './workspace';

export function checkFile(workspace: Workspace, file: SourceFile): Finding[] {
  return runRules(allRules, workspace, file);
}

export function checkWorkspace(workspace: Workspace): Finding[] {
  return workspace.files.flatMap((file) => checkFile(workspace, file));
}
