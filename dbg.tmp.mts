import { launchChromium } from '/work/main/test/browser/chromium';
import { openPreviewPage } from '/work/main/test/browser/preview-page';
const b = await launchChromium();
const page = await b.context.newPage();
page.on('console', (m) => console.log('console', m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('requestfailed', (r) => console.log('failed', r.url()));
page.on('response', (r) => console.log('resp', r.status(), r.url()));
try { await openPreviewPage(page, '/work/main/dist/webview'); console.log('ok'); } catch (e) { console.log('timeout'); }
await b.close();
