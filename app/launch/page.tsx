import type { Metadata } from 'next';
import { LaunchClient } from './launch-client';

export const metadata: Metadata = { title: 'Launch' };

export default function LaunchPage() {
  return <LaunchClient />;
}
