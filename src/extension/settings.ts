/**
 * The effective configuration: `blueprint.config.json` at the workspace root, over the
 * `blueprint.rules` and `blueprint.files` settings. The file wins where both speak,
 * because it is shared with the command line and CI: the editor then shows the same
 * problems the pipeline will. The settings fill in what the file leaves open.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, parseConfig, type BlueprintConfig, type ConfiguredSeverity } from '../core';
import { readFromDisk } from './file-host';

/** Settings section of the extension. */
export const SETTINGS_SECTION = 'blueprint';

/** The configuration file of the first workspace folder that has one. */
export async function readConfigFile(): Promise<{ uri?: vscode.Uri; config: BlueprintConfig; problems: string[] }> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    const text = await readFromDisk(uri);
    if (text !== undefined) return { uri, ...parseConfig(text) };
  }
  return { config: {}, problems: [] };
}

/** Merges the settings under the file's configuration (file first). */
export function effectiveConfig(fileConfig: BlueprintConfig): BlueprintConfig {
  const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const settingRules = settings.get<Record<string, ConfiguredSeverity>>('rules') ?? {};
  const settingFiles = settings.get<string[]>('files');
  return {
    ...fileConfig,
    rules: { ...settingRules, ...(fileConfig.rules ?? {}) },
    files: fileConfig.files ?? (settingFiles && settingFiles.length > 0 ? settingFiles : undefined),
  };
}
