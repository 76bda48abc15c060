/**
 * Presentation mode in a real extension host: `Blueprint: Present` opens the preview in
 * presentation form, the slide keys move between stages, Escape leaves. Keys are pressed
 * in the page by the test-mode `blueprint.preview.pressKey` command (a `keydown` on the
 * focused element, the path a real key takes); the webview reports the slide it shows.
 */
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { RenderedMessage } from '../../../src/shared/messages';
import { openFile, waitFor, workspaceFile } from '../helpers';

function previewState(): Thenable<RenderedMessage | undefined> {
  return vscode.commands.executeCommand<RenderedMessage | undefined>('blueprint.preview.state', { timeoutMs: 2000 });
}

/** Wait for the preview to report a state that `accept` takes. */
function waitForState(what: string, accept: (state: RenderedMessage) => boolean): Promise<RenderedMessage> {
  let last: RenderedMessage | undefined;
  return waitFor(what, async () => {
    last = await previewState();
    return last && accept(last) ? last : undefined;
  }, 30_000, () => JSON.stringify({ slide: last?.slide, present: last?.state.present }));
}

suite('presentation mode', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Present opens the preview in presentation form; the keys move between stages; Escape leaves', async () => {
    const uri = workspaceFile('examples/apply-for-housing-benefit.blueprint.md');
    await openFile(uri);
    await vscode.commands.executeCommand('blueprint.present');
    const first = await waitForState('the first slide', (s) => s.uri === uri.toString() && s.slide?.index === 0);
    assert.equal(first.slide?.unit, 'stage');
    assert.equal(first.slide?.progress, 'stage 1 of 4 · steps 1–2 of 8');
    assert.ok(first.state.clientView, 'presentation shows the client view');
    assert.ok(!first.lanes.includes('backstage'));
    // The preview has the focus, so the keys reach it.
    assert.ok(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview, 'the preview is the active tab');

    await vscode.commands.executeCommand('blueprint.preview.pressKey', 'ArrowRight');
    const second = await waitForState('the second stage', (s) => s.slide?.index === 1);
    assert.equal(second.slide?.progress, 'stage 2 of 4 · steps 3–5 of 8');
    await vscode.commands.executeCommand('blueprint.preview.pressKey', 'End');
    await waitForState('the last stage', (s) => s.slide?.index === 3);
    await vscode.commands.executeCommand('blueprint.preview.pressKey', 'PageUp');
    await waitForState('the third stage', (s) => s.slide?.index === 2);
    await vscode.commands.executeCommand('blueprint.preview.pressKey', 'Home');
    await waitForState('the first stage again', (s) => s.slide?.index === 0);

    // Ctrl+= and Ctrl+0 (the zoom commands) zoom the slide from its fit, then fit the current stage again.
    await vscode.commands.executeCommand('blueprint.preview.zoomIn');
    await waitForState('the slide zoomed in', (s) => (s.slide?.scale ?? 1) > 1.1);
    await vscode.commands.executeCommand('blueprint.preview.zoomReset');
    const fitted = await waitForState('the slide fitted again', (s) => s.slide?.scale === 1);
    assert.equal(fitted.state.zoom, undefined, 'the grid\'s zoom is untouched');

    await vscode.commands.executeCommand('blueprint.preview.pressKey', 'Escape');
    const left = await waitForState('presentation mode left', (s) => s.state.present === undefined);
    assert.equal(left.slide, undefined);
    assert.equal(left.state.clientView, false, 'client view as it was before presenting');
  });
});
