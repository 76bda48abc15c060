import { describe, expect, it } from 'vitest';
import { classifyLink } from '../../../src/extension/preview/link-policy';
import { makeNonce, previewCsp, previewPage } from '../../../src/extension/preview/page';
import { escapeAttribute } from '../../../src/core';
import { defaultViewState, isFromWebviewMessage } from '../../../src/shared/messages';

describe('links from the preview', () => {
  it('opens web and mail links outside, anchors and files in the editor', () => {
    expect(classifyLink('https://example.org/a')).toEqual({ kind: 'external', uri: 'https://example.org/a' });
    expect(classifyLink('MAILTO:a@b.example')).toEqual({ kind: 'external', uri: 'MAILTO:a@b.example' });
    expect(classifyLink('#Maria')).toEqual({ kind: 'anchor', fragment: 'maria' });
    expect(classifyLink('personas.blueprint.md#ahmed')).toEqual({ kind: 'file', path: 'personas.blueprint.md', fragment: 'ahmed' });
    expect(classifyLink('../a%20b.md')).toEqual({ kind: 'file', path: '../a b.md', fragment: undefined });
  });

  it('refuses every other scheme', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'command:workbench.action.terminal.new', 'vscode://x', 'file:///etc/passwd', 'data:text/html,x', '//evil.example/x', '']) {
      expect(classifyLink(href), href).toEqual({ kind: 'refused' });
    }
  });

  it('decodes a path once and checks it after decoding: encoded hosts, schemes and controls are refused', () => {
    for (const href of ['%2F%2Fevil.example/x', '%2f%2fevil.example/x#a', '\\\\evil.example\\x', '/%2Fevil.example/x', 'javascript%3Aalert(1)', 'a%0Ab.md', 'a%00b.md', 'https://x.example/\uD800']) {
      expect(classifyLink(href), href).toEqual({ kind: 'refused' });
    }
  });

  it('gives only paths that make a URI without throwing', async () => {
    const { URI, Utils } = await import('vscode-uri');
    const base = URI.parse('file:///work/a.blueprint.md');
    for (const href of ['%2F%2Fevil/x', 'ok.md', '%ZZ.md', 'x%D8%00.md', '\uD800.md', 'dir\\file.md', '../..%2F..%2Fetc', 'a b.md#Zo%C3%AB']) {
      const target = classifyLink(href);
      if (target.kind !== 'file') continue;
      expect(() => Utils.joinPath(base, '..', target.path).toString(), href).not.toThrow();
    }
    expect(classifyLink('dir\\file.md')).toEqual({ kind: 'file', path: 'dir/file.md', fragment: undefined });
  });
});

describe('the preview page', () => {
  const page = previewPage({
    cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/dist/webview/webview.js',
    state: defaultViewState('file:///a"b.md'), lang: 'en',
    labels: { persona: 'Persona', allPersonas: 'All personas', clientView: 'Client view', diagram: 'Journey diagram', toolbar: 'Preview' },
  });

  it('locks the page down with a CSP and a nonce on its only script', () => {
    expect(previewCsp('https://webview.example', 'abc123')).toBe(
      "default-src 'none'; script-src 'nonce-abc123'; style-src https://webview.example 'unsafe-inline'; font-src https://webview.example; img-src https://webview.example data:",
    );
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<script type="module" nonce="abc123" src="https://webview.example/dist/webview/webview.js">');
  });

  it('escapes the settings it embeds', () => {
    expect(page).toContain('file:///a\\&quot;b.md');
    expect(escapeAttribute(`<"'&>`)).toBe(`&lt;&quot;'&amp;&gt;`);
  });

  it('makes a fresh nonce each time', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{24,}$/);
    expect(makeNonce()).not.toBe(a);
  });

  it('accepts only well-formed messages from the webview', () => {
    expect(isFromWebviewMessage({ type: 'revealLine', line: 3 })).toBe(true);
    expect(isFromWebviewMessage({ type: 'revealLine', line: '3' })).toBe(false);
    expect(isFromWebviewMessage({ type: 'openLink' })).toBe(false);
    expect(isFromWebviewMessage({ type: 'runCommand', command: 'x' })).toBe(false);
    expect(isFromWebviewMessage(null)).toBe(false);
  });
});
