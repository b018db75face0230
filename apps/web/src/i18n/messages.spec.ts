import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { en, type MessageId } from './messages/en';
import { LOCALES } from './locales';
import { createAppIntl, MESSAGES } from './translator';

const SRC = join(__dirname, '..');

/** The app's own source: not the catalogues, not tests, not generated code. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['gql', 'test'].includes(name) && dir === SRC ? [] : sourceFiles(path);
    if (!/\.tsx?$/.test(name) || /\.spec\.tsx?$/.test(name)) return [];
    return relative(SRC, path).startsWith(join('i18n', 'messages')) ? [] : [path];
  });
}

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** Argument and tag names of a message (a plural in one language may be a plain argument in another). */
function placeholders(locale: (typeof LOCALES)[number], message: string): string[] {
  const intl = createAppIntl(locale);
  const ast = intl.formatters.getMessageFormat(message, locale).getAst() as unknown as AstNode[];
  const found = new Set<string>();
  const walk = (nodes: AstNode[]) => {
    for (const node of nodes) {
      // 0 literal, 7 pound (#): no name. Everything else names an argument or a tag.
      if (node.type !== 0 && node.type !== 7 && node.value) found.add(node.value);
      if (node.children) walk(node.children);
      if (node.options) Object.values(node.options).forEach((option) => walk(option.value));
    }
  };
  walk(ast);
  return [...found].sort();
}

describe('message catalogues', () => {
  const keys = Object.keys(en).sort();

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every key of en, and no other', (locale) => {
    const other = Object.keys(MESSAGES[locale]).sort();
    expect({ missing: keys.filter((k) => !other.includes(k)), extra: other.filter((k) => !keys.includes(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(LOCALES)('every %s message parses and uses the placeholders and tags of its English twin', (locale) => {
    const mismatched = keys.filter((key) => {
      const id = key as MessageId;
      return placeholders(locale, MESSAGES[locale][id]).join() !== placeholders('en', en[id]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)('no %s message is empty', (locale) => {
    const empty = keys.filter((key) => !MESSAGES[locale][key as MessageId].trim());
    expect(empty).toEqual([]);
  });

  it('every key is used by the app (written as a literal id, so this search finds it)', () => {
    const source = sourceFiles(SRC)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = keys.filter((key) => !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
