/**
 * Mermaid, in a chunk of its own: loaded by the preview only when the diagram view is
 * opened, because Mermaid is many times larger than the rest of the preview. Strict security: no HTML labels, no click callbacks, no directives that change it.
 */
import mermaid from 'mermaid';

export interface MermaidRenderer {
  /** SVG markup for a diagram. */
  render(source: string, dark: boolean): Promise<string>;
}

let counter = 0;
let lastTheme: string | undefined;

/** Draws Mermaid source to SVG markup. */
export const renderer: MermaidRenderer = {
  async render(source, dark) {
    const theme = dark ? 'dark' : 'default';
    if (theme !== lastTheme) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme,
        // The source is generated and sanitised, but nothing in it may reconfigure this.
        secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'theme', 'themeVariables', 'themeCSS', 'fontFamily'],
        maxTextSize: 500_000,
        // Wider, taller task boxes: the source breaks titles into lines of about 22 characters.
        journey: { useMaxWidth: false, width: 170, height: 70 },
      });
      lastTheme = theme;
    }
    const { svg } = await mermaid.render(`bp-mermaid-${++counter}`, source);
    return svg;
  },
};
