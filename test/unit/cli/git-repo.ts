/** A throw-away git repository for CLI tests: files, commits and branches through the git program. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeProject } from './helpers';

export interface TestRepo {
  dir: string;
  write(files: Record<string, string>): void;
  remove(file: string): void;
  git(...args: string[]): string;
  commit(message: string): void;
  dispose(): void;
}

export function makeRepo(files: Record<string, string>): TestRepo {
  const project = makeProject(files);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: project.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  const repo: TestRepo = {
    dir: project.dir,
    write(more) {
      for (const [name, text] of Object.entries(more)) {
        const file = path.join(project.dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    },
    remove: (file) => rmSync(path.join(project.dir, file)),
    git,
    commit(message) {
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', message);
    },
    dispose: project.dispose,
  };
  repo.commit('base');
  return repo;
}
