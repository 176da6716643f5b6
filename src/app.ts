import type { PropsWithChildren } from 'react';
import { useDidHide, useDidShow, useLaunch } from '@tarojs/taro';
import { initPlatform } from './services/platform';
import { noteAppHide, noteAppShow } from './services/essReturn';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initPlatform();
  });

  // Only the app-level onShow receives referrerInfo (who we came back from).
  useDidShow((options) => {
    noteAppShow(options);
  });

  useDidHide(() => {
    noteAppHide();
  });

  // children are the pages being rendered
  return children;
}

export default App;
