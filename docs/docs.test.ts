// The documents a clone of the repository has are the ones under docs/. This keeps comments and markdown
// from citing documents outside the repository again, and keeps every pointer into docs/ alive: a cited
// page must exist and a cited #anchor must be one of its headings (GitHub's slug rule).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const SELF = 'docs/docs.test.ts';

/** Tracked and new files, never node_modules or build output (git's ignore rules). */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => f && f !== SELF && existsSync(join(ROOT, f)));
}

const isCode = (f: string) => /\.(ts|tsx|mts|mjs)$/.test(f);
const isMarkdown = (f: string) => f.endsWith('.md');

/** Every comment of a TypeScript/JavaScript file, found by the compiler's own parser (never inside strings). */
function commentsOf(file: string, text: string): { line: number; text: string }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const seen = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) seen.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return [...seen].map(([pos, comment]) => ({
    line: source.getLineAndCharacterOfPosition(pos).line + 1,
    text: comment,
  }));
}

/** The prose of a markdown file, line by line. */
function linesOf(text: string): { line: number; text: string }[] {
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

// Documents that live beside the project, not in it: a clone does not have them.
const OUTSIDE = [
  /\.\.\/shared\b/,
  /providers\.md\s*§/,
  /money-and-security\.md/,
  /house-style\.md/,
  /seed-docs\//,
];

type Citation = { from: string; line: number; target: string; anchor?: string };

/** `docs/<page>.md#anchor` named anywhere in a comment or markdown line, read from the repository's root. */
function rootCitations(from: string, line: number, text: string): Citation[] {
  return [...text.matchAll(/(?<![\w./-])(docs\/[\w./-]+\.md)(?:#([\w-]+))?/g)].map((m) => ({
    from,
    line,
    target: m[1]!,
    anchor: m[2],
  }));
}

/** Markdown links inside docs/: relative to the page, or `#anchor` on the page itself. */
function relativeLinks(from: string, line: number, text: string): Citation[] {
  return [...text.matchAll(/\]\(([^)\s]*?)(?:#([\w-]+))?\)/g)].flatMap((m) => {
    const [, path, anchor] = m;
    if (/^[a-z]+:/.test(path!)) return [];
    if (!path) return [{ from, line, target: from, anchor }];
    return [
      { from, line, target: normalize(join(dirname(from), path)).replace(/\\/g, '/'), anchor },
    ];
  });
}

function scan() {
  const outside: string[] = [];
  const citations: Citation[] = [];
  const sections: { from: string; line: number; section: string }[] = [];
  for (const file of repoFiles()) {
    if (!isCode(file) && !isMarkdown(file)) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    const lines = isCode(file) ? commentsOf(file, text) : linesOf(text);
    for (const { line, text: t } of lines) {
      if (OUTSIDE.some((re) => re.test(t)))
        outside.push(`${file}:${line}: ${t.trim().slice(0, 120)}`);
      citations.push(...rootCitations(file, line, t));
      if (file.startsWith('docs/') && isMarkdown(file))
        citations.push(...relativeLinks(file, line, t));
    }
    // Old research-note section numbers (comments and strings alike): each must resolve through the legend.
    if (isCode(file)) {
      for (const m of text.matchAll(/(?<!RFC \d+ )§(\d+\.\d+)/g)) {
        sections.push({
          from: file,
          line: text.slice(0, m.index).split('\n').length,
          section: m[1]!,
        });
      }
    }
  }
  return { outside, citations, sections };
}

const { outside, citations, sections } = scan();
const pageCache = new Map<string, Set<string> | null>();
function anchorsOfPage(target: string): Set<string> | null {
  if (!pageCache.has(target)) {
    const path = join(ROOT, target);
    pageCache.set(target, existsSync(path) ? anchorsOf(readFileSync(path, 'utf8')) : null);
  }
  return pageCache.get(target)!;
}

describe('documents inside the repository', () => {
  it('no comment or markdown line cites a document outside the repository', () => {
    expect(outside).toEqual([]);
  });

  it('finds the pointers into docs/ it is meant to check', () => {
    // Guards the scan itself: a broken file list or parser would otherwise pass every check below.
    expect(citations.filter((c) => !c.from.startsWith('docs/')).length).toBeGreaterThan(30);
    expect(
      citations.some(
        (c) =>
          c.from === 'lib/providers/jonet/map.ts' &&
          c.target === 'docs/providers/jonet.md' &&
          c.anchor === 'codes',
      ),
    ).toBe(true);
  });

  it('every cited page exists and every cited #anchor is one of its headings', () => {
    const broken = citations.flatMap((c) => {
      const anchors = anchorsOfPage(c.target);
      if (!anchors) return [`${c.from}:${c.line}: no page ${c.target}`];
      if (c.anchor && !anchors.has(c.anchor))
        return [`${c.from}:${c.line}: ${c.target} has no heading #${c.anchor}`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('every § section number the code still cites has its row in the legend', () => {
    const legend = readFileSync(join(ROOT, 'docs/providers/README.md'), 'utf8');
    const rows = legend.slice(legend.indexOf('## Section numbers'));
    const known = new Set([...rows.matchAll(/§(\d+\.\d+)/g)].map((m) => m[1]));
    expect(sections.length).toBeGreaterThan(0);
    expect(
      sections
        .filter((s) => !known.has(s.section))
        .map((s) => `${s.from}:${s.line}: §${s.section}`),
    ).toEqual([]);
  });

  it('reads anchors the way GitHub writes them', () => {
    const page =
      '# Title\n## Not found\n```bash\n# not a heading\n```\n## `hold` and release\n## Codes\n## Codes\n';
    expect([...anchorsOf(page)]).toEqual([
      'title',
      'not-found',
      'hold-and-release',
      'codes',
      'codes-1',
    ]);
  });
});
