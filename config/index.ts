import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Each platform builds into its own folder, so a weapp build never overwrites an h5 one. */
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist/h5' : 'dist/weapp';

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'ess-verify-miniprogram',
    date: '2025-11-26',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    // Build-time settings the pages read as `process.env.X`. Defined here (from the shell, as the
    // README's commands set them) so that an unset one becomes '' rather than a `process` reference,
    // which neither WeChat nor a browser defines; a `.env` file may set them too (Taro reads it).
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_AFTER_VERIFIED_PAGE: JSON.stringify(process.env.TARO_APP_AFTER_VERIFIED_PAGE ?? ''),
    },
    // sitemap.json (app.config's sitemapLocation): which pages WeChat search may index; weapp only.
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [{ from: 'sitemap.json', to: `${outputRoot}/sitemap.json` }]
          : [],
      options: {},
    },
    framework: 'react',
    // Prebundling fetches nothing, but it is one more cache to go stale; plain webpack is enough here.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
