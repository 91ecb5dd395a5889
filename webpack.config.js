/**
 * The add-in build (dist/): task pane, custom functions and commands for Excel's shared runtime.
 * `npm run build` makes the production bundle with every https://localhost:3000/ URL of the
 * manifest replaced by COMP_PLANNER_URL (default https://comp-planner.example.com/).
 * Development certificates are only loaded when the dev server runs (npm start on Windows/macOS),
 * never for a build, a test or CI.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PROD_URL = process.env.COMP_PLANNER_URL ?? "https://comp-planner.example.com/";
const DEV_PORT = Number(process.env.PORT ?? 3000);

/** The manifest with every development URL replaced (a global replace, not only the first). */
function productionManifest(content) {
  if (!/^https:\/\/.+\/$/.test(PROD_URL))
    throw new Error(`COMP_PLANNER_URL must be an https URL ending in "/", got "${PROD_URL}".`);
  return content.toString().split(DEV_URL).join(PROD_URL).split(DEV_URL.slice(0, -1)).join(PROD_URL.slice(0, -1));
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // One page hosts the shared runtime: the functions, the commands and the task pane, as classic scripts.
      // functions.js and commands.js are started by the page itself once Office.js has loaded (see taskpane.html).
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content)),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
        }
      : undefined,
  };
};
