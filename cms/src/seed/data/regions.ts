import type { SeedRegion } from '../types';

/**
 * Regional chapters. Every country a group is based in appears in exactly one
 * region; regions also list neighbouring countries where groups may start.
 */
export const regions: SeedRegion[] = [
  {
    slug: 'europe',
    name: {
      en: 'Europe',
      fr: 'Europe',
      de: 'Europa',
      es: 'Europa',
      'pt-BR': 'Europa',
      ja: 'ヨーロッパ',
      'zh-Hans': '欧洲',
      ar: 'أوروبا',
    },
    countries: [
      'AT', 'BE', 'BG', 'CH', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE',
      'IS', 'IT', 'LT', 'LU', 'LV', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'TR', 'UA',
    ],
    contacts: [
      { name: 'Sabine Roth', role: 'Regional coordinator', email: 'europe@example.org', url: 'https://community.example.org/regions/europe' },
      { name: 'Tomasz Wieczorek', role: 'Events liaison', email: 'tomasz.wieczorek@example.org' },
      { name: 'Maëlle Garnier', role: 'Francophone groups contact', email: 'maelle.garnier@example.org' },
    ],
  },
  {
    slug: 'north-america',
    name: {
      en: 'North America',
      fr: 'Amérique du Nord',
      de: 'Nordamerika',
      es: 'Norteamérica',
      'pt-BR': 'América do Norte',
      ja: '北米',
      'zh-Hans': '北美洲',
      ar: 'أمريكا الشمالية',
    },
    countries: ['CA', 'US'],
    contacts: [
      { name: 'Jamal Brooks', role: 'Regional coordinator', email: 'north-america@example.org', url: 'https://community.example.org/regions/north-america' },
      { name: 'Hannah Lefebvre', role: 'Canada contact', email: 'hannah.lefebvre@example.org' },
    ],
  },
  {
    slug: 'latin-america',
    name: {
      en: 'Latin America & the Caribbean',
      fr: 'Amérique latine et Caraïbes',
      de: 'Lateinamerika und Karibik',
      es: 'América Latina y el Caribe',
      'pt-BR': 'América Latina e Caribe',
      ja: 'ラテンアメリカ・カリブ',
      'zh-Hans': '拉丁美洲和加勒比',
      ar: 'أمريكا اللاتينية والكاريبي',
    },
    countries: [
      'AR', 'BO', 'BR', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'JM', 'MX', 'NI', 'PA', 'PE',
      'PR', 'PY', 'SV', 'TT', 'UY', 'VE',
    ],
    contacts: [
      { name: 'Gabriela Montoya', role: 'Coordinadora regional', email: 'latam@example.org', url: 'https://community.example.org/regions/latin-america' },
      { name: 'Rafael Nogueira', role: 'Contato para o Brasil', email: 'rafael.nogueira@example.org' },
      { name: 'Martina Quiroga', role: 'Events liaison', email: 'martina.quiroga@example.org' },
    ],
  },
  {
    slug: 'middle-east-and-africa',
    name: {
      en: 'Middle East & Africa',
      fr: 'Moyen-Orient et Afrique',
      de: 'Naher Osten und Afrika',
      es: 'Oriente Medio y África',
      'pt-BR': 'Oriente Médio e África',
      ja: '中東・アフリカ',
      'zh-Hans': '中东和非洲',
      ar: 'الشرق الأوسط وأفريقيا',
    },
    countries: [
      'AE', 'AO', 'BJ', 'BW', 'CI', 'CM', 'DZ', 'EG', 'ET', 'GH', 'IL', 'JO', 'KE', 'LB', 'MA', 'MU',
      'MZ', 'NA', 'NG', 'OM', 'QA', 'RW', 'SA', 'SN', 'TG', 'TN', 'TZ', 'UG', 'ZA', 'ZM', 'ZW',
    ],
    contacts: [
      { name: 'Kwame Asante', role: 'Regional coordinator', email: 'mea@example.org', url: 'https://community.example.org/regions/middle-east-and-africa' },
      { name: 'Leila Benali', role: 'North Africa & Middle East contact', email: 'leila.benali@example.org' },
      { name: 'Zanele Dlamini', role: 'Mentoring programme', email: 'zanele.dlamini@example.org' },
    ],
  },
  {
    slug: 'east-and-southeast-asia',
    name: {
      en: 'East & Southeast Asia',
      fr: 'Asie de l’Est et du Sud-Est',
      de: 'Ost- und Südostasien',
      es: 'Asia Oriental y Sudeste Asiático',
      'pt-BR': 'Leste e Sudeste Asiático',
      ja: '東アジア・東南アジア',
      'zh-Hans': '东亚和东南亚',
      ar: 'شرق آسيا وجنوب شرقها',
    },
    countries: ['BN', 'CN', 'HK', 'ID', 'JP', 'KH', 'KR', 'LA', 'MN', 'MO', 'MY', 'PH', 'SG', 'TH', 'TW', 'VN'],
    contacts: [
      { name: 'Haruka Mori', role: 'Regional coordinator', email: 'east-asia@example.org', url: 'https://community.example.org/regions/east-and-southeast-asia' },
      { name: 'Liu Yang', role: '中国社区联络人', email: 'liu.yang@example.org' },
    ],
  },
  {
    slug: 'south-asia',
    name: {
      en: 'South Asia',
      fr: 'Asie du Sud',
      de: 'Südasien',
      es: 'Asia del Sur',
      'pt-BR': 'Sul da Ásia',
      ja: '南アジア',
      'zh-Hans': '南亚',
      ar: 'جنوب آسيا',
    },
    countries: ['AF', 'BD', 'BT', 'IN', 'LK', 'MV', 'NP', 'PK'],
    contacts: [
      { name: 'Meera Krishnan', role: 'Regional coordinator', email: 'south-asia@example.org', url: 'https://community.example.org/regions/south-asia' },
      { name: 'Tanvir Hossain', role: 'Student chapters', email: 'tanvir.hossain@example.org' },
    ],
  },
  {
    slug: 'oceania',
    name: {
      en: 'Oceania',
      fr: 'Océanie',
      de: 'Ozeanien',
      es: 'Oceanía',
      'pt-BR': 'Oceania',
      ja: 'オセアニア',
      'zh-Hans': '大洋洲',
      ar: 'أوقيانوسيا',
    },
    countries: ['AU', 'FJ', 'NZ', 'PG', 'SB', 'VU', 'WS'],
    contacts: [
      { name: 'Isla Robertson', role: 'Regional coordinator', email: 'oceania@example.org', url: 'https://community.example.org/regions/oceania' },
    ],
  },
];
