// Merged by @jupyter/builder into its Rspack configuration for the labextension.
module.exports = {
  module: {
    rules: [
      {
        // The runtime worker is pre-bundled by esbuild (scripts/build-worker.mjs) and must stay
        // self-contained: emit it as a file, never parse it as a module of this build.
        test: /coroutine-worker\.bundle\.js$/,
        type: 'asset/resource',
        generator: { filename: 'coroutine-worker.[contenthash:8].js' }
      },
      {
        // The TypeScript language worker (scripts/build-language-worker.mjs), likewise.
        test: /language-worker\.bundle\.js$/,
        type: 'asset/resource',
        generator: { filename: 'language-worker.[contenthash:8].js' }
      }
    ]
  },
  performance: {
    // The worker bundle carries the TypeScript compiler; it is loaded only on the first run.
    assetFilter: name => !/coroutine-worker|language-worker/.test(name) && !/\.map$/.test(name)
  },
  optimization: {
    // Rspack reports a circular hash dependency with asset modules under module federation.
    realContentHash: false
  }
};
