// Drives a running code-server with Debian's Chromium (playwright-core, no browser download):
// opens the schema given on the command line and waits until our server's diagnostic shows
// in the Problems panel. Usage: node e2e-drive.js URL FILE_NAME EXPECTED_TEXT SCREENSHOT
"use strict";
const { chromium } = require("playwright-core");

const [url, fileName, expected, screenshot] = process.argv.slice(2);

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // Flags for this machine's closed network (see the machine notes): no background
    // connections, which would be refused many at a time.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const step = (what) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);
  const started = Date.now();
  try {
    await page.goto(url);
    await page.waitForSelector(".monaco-workbench", { timeout: 60_000 });
    step("workbench loaded");
    // Quick Open the schema.
    await page.locator(".monaco-workbench").click({ position: { x: 700, y: 400 } });
    await page.keyboard.press("Control+P");
    await page.waitForSelector(".quick-input-widget input", { timeout: 20_000 });
    await page.keyboard.type(fileName);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`, { timeout: 20_000 });
    await page.keyboard.press("Enter");
    await page.waitForSelector(`.tab[aria-label*="${fileName}"]`, { timeout: 20_000 });
    step(`${fileName} open`);
    // The squiggle under the mistake, then the Problems panel's entry.
    await page.waitForSelector(".view-lines .squiggly-error, .squiggly-error", { timeout: 60_000 });
    step("error squiggle shown");
    await page.keyboard.press("Control+Shift+M");
    const row = page.locator(".markers-panel .monaco-list-row", { hasText: expected }).first();
    await row.waitFor({ timeout: 30_000 });
    step(`Problems panel: ${(await row.innerText()).replace(/\s+/g, " ").trim()}`);
    // Our grammar coloured the file: the language mode in the status bar is Prisma.
    const mode = await page.locator(".statusbar-item[id*='editorLanguageStatus'], #status\\.editor\\.mode").first().innerText();
    step(`language mode: ${mode.trim()}`);
    if (!/prisma/i.test(mode)) throw new Error(`language mode is ${mode}`);
    if (screenshot) {
      await page.screenshot({ path: screenshot });
      step(`screenshot: ${screenshot}`);
    }
  } catch (error) {
    if (screenshot) await page.screenshot({ path: screenshot.replace(/\.png$/, "-failed.png") }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`e2e failed: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  },
);
