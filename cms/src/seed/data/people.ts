import type { SeedPersonAccount } from '../types';

/**
 * Demo accounts. Every account coordinates at least one group (see `groups.ts`);
 * the e-mail addresses all live under example.org.
 */
const usernames = [
  // Europe
  'camille.durand',
  'jonas.becker',
  'lena.hofmann',
  'matthias.keller',
  'lucia.navarro',
  'jordi.puig',
  'ines.carvalho',
  'giulia.romano',
  'katarzyna.nowak',
  'daan.visser',
  'priya.raman',
  'elif.yilmaz',
  // North America
  'marcus.johnson',
  'rosa.delgado',
  'dana.whitfield',
  'sophie.tremblay',
  'olivia.chen',
  // Latin America
  'diego.hernandez',
  'ana.souza',
  'thiago.lima',
  'mateo.fernandez',
  'valentina.rojas',
  'camila.restrepo',
  // Middle East & Africa
  'amara.okafor',
  'fatima.bello',
  'wanjiru.kamau',
  'baraka.mwakyusa',
  'thandiwe.nkosi',
  'aline.uwase',
  'moussa.diop',
  'youssef.elamrani',
  'nour.hassan',
  // East & Southeast Asia
  'yuki.tanaka',
  'kenji.watanabe',
  'wei.zhang',
  'xiaoyu.chen',
  'minjun.park',
  'rachel.tan',
  'dewi.lestari',
  'miguel.santos',
  'linh.tran',
  // South Asia
  'ananya.iyer',
  'rohan.verma',
  'farhana.akter',
  'kasun.perera',
  'bibek.shrestha',
  // Oceania
  'chloe.mitchell',
  'tama.ngata',
] as const;

/** Names whose spelling the username cannot carry, as the working groups' chair lists write them. */
const SPELLED: Partial<Record<(typeof usernames)[number], string>> = {
  'elif.yilmaz': 'Elif Yılmaz',
  'ines.carvalho': 'Inês Carvalho',
  'lucia.navarro': 'Lucía Navarro',
  'minjun.park': 'Min-jun Park',
  'diego.hernandez': 'Diego Hernández',
  'mateo.fernandez': 'Mateo Fernández',
  'youssef.elamrani': 'Youssef El Amrani',
};

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const people: SeedPersonAccount[] = usernames.map((username) => ({
  username,
  email: `${username}@example.org`,
  displayName: SPELLED[username] ?? username.split('.').map(capitalized).join(' '),
}));
