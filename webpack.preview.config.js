/**
 * The preview build (dist-preview/): the add-in's task pane and COMP functions running against an
 * in-browser workbook on HyperFormula. HyperFormula is GPL-3.0 and is for development and demos
 * only: it is bundled here and never in the add-in bundle (dist/), which a test checks.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (env, argv) => ({
  mode: argv.mode ?? "production",
  devtool: argv.mode === "development" ? "eval-source-map" : "source-map",
  entry: { preview: "./src/preview/index.tsx" },
  // asyncChunks false: one bundle (the grid's lazily loaded cell editor is then ready the moment
  // the user types), while the Web Worker keeps its own script and runtime.
  output: { path: path.resolve(__dirname, "dist-preview"), filename: "[name].js", clean: true, asyncChunks: false },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    // One bundle for the page: the grid's lazily loaded cell editor (a dynamic import) is bundled
    // eagerly, so it is ready the moment the user types. Web Workers (new Worker(new URL(...)))
    // still get their own bundles: the preview's worker (CSV reading, .xlsx packing) and the jobs
    // worker (splits, simulations).
    parser: { javascript: { dynamicImportMode: "eager" } },
    rules: [
      { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      // The grid component's own stylesheet (editor overlay, scroller).
      { test: /\.css$/, use: ["style-loader", "css-loader"] },
    ],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
  ],
});
