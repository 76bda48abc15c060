import { launchChromium } from './test/browser/chromium';
const b = await launchChromium();
const page = await b.context.newPage();
for (const name of ['light', 'dark']) {
  await page.goto(`file:///tmp/p-${name}.html`);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
}
await b.close();
