import { render } from 'preact';
import { App } from './App';
import { createServer } from './server';

render(<App server={createServer()} />, document.getElementById('app')!);
