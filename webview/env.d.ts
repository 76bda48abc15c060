/** esbuild's `text` loader turns CSS imports into strings (see esbuild.mjs). */
declare module '*.css' {
  const text: string;
  export default text;
}
