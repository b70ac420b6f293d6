/** Given and family names for synthetic persons, by naming tradition; combined at random, they name no one real. */
import type { Rng } from "./random";
import type { Sex } from "./types";

export type NameGroup =
  "ARMENIAN" | "GEORGIAN" | "RUSSIAN" | "PERSIAN" | "ARABIC" | "TURKIC" | "INDIAN" | "CHINESE" | "AFRICAN" | "OTHER";

interface NameList {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

/** Lists are written as one comma-separated string each so the file stays short and readable. */
function list(names: string): readonly string[] {
  return names.split(", ");
}

const NAMES: Readonly<Record<NameGroup, NameList>> = {
  ARMENIAN: {
    female: list(
      "Anahit, Lusine, Mariam, Nare, Ani, Gayane, Siranush, Armine, Tatevik, Hasmik, Lilit, Nune, Astghik, Karine",
    ),
    male: list("Aram, Hayk, Tigran, Davit, Narek, Gor, Vahe, Armen, Levon, Samvel, Artur, Hovhannes, Gevorg, Ashot"),
    family: list(
      "Hakobyan, Sargsyan, Petrosyan, Grigoryan, Avetisyan, Martirosyan, Khachatryan, Vardanyan, Ghazaryan, Harutyunyan, Mkrtchyan, Poghosyan, Stepanyan, Karapetyan, Abrahamyan, Manukyan, Simonyan, Galstyan",
    ),
  },
  GEORGIAN: {
    female: list("Nino, Tamar, Ketevan, Mariam, Eka, Natia, Salome, Tinatin, Ana, Lika"),
    male: list("Giorgi, Levan, Irakli, Davit, Nikoloz, Luka, Zurab, Otar, Revaz, Tornike"),
    family: list(
      "Beridze, Kapanadze, Gelashvili, Maisuradze, Lomidze, Tsiklauri, Abashidze, Jgerenaia, Kvaratskhelia, Chkheidze, Mchedlishvili, Gogoladze",
    ),
  },
  RUSSIAN: {
    female: list("Anna, Elena, Olga, Natalia, Irina, Svetlana, Yulia, Daria, Ekaterina, Oksana, Polina, Vera"),
    male: list("Aleksei, Dmitrii, Sergei, Ivan, Mikhail, Andrei, Nikolai, Pavel, Artem, Oleg, Maksim, Yurii"),
    family: list(
      "Smirnov, Kuznetsov, Popov, Vasilev, Sokolov, Morozov, Volkov, Lebedev, Kozlov, Novikov, Fedorov, Orlov, Belov, Zaitsev",
    ),
  },
  PERSIAN: {
    female: list("Maryam, Zahra, Fatemeh, Shirin, Parisa, Niloufar, Leila, Mahsa, Sara, Roya"),
    male: list("Ali, Reza, Mohammad, Hossein, Amir, Mehdi, Arash, Dariush, Farhad, Kamran"),
    family: list(
      "Ahmadi, Hosseini, Rezaei, Mohammadi, Karimi, Rahimi, Moradi, Jafari, Sadeghi, Tehrani, Farahani, Shirazi",
    ),
  },
  ARABIC: {
    female: list("Fatima, Aisha, Layla, Noor, Rania, Huda, Salma, Yasmin, Dalia, Mariam"),
    male: list("Ahmad, Omar, Khaled, Yusuf, Hassan, Mahmoud, Karim, Samir, Tariq, Ibrahim"),
    family: list("Al-Hassan, Haddad, Khoury, Nasser, Saleh, Mansour, Darwish, Al-Jaber, Hamdan, Aziz, Qasim, Barakat"),
  },
  TURKIC: {
    female: list("Aigerim, Dilnoza, Elif, Aizhan, Zarina, Gulnara, Madina, Ayse, Nilufar, Asel"),
    male: list("Nurlan, Timur, Emre, Rustam, Bekzat, Azamat, Murat, Aziz, Dauren, Sherzod"),
    family: list(
      "Nurlanov, Abdullaev, Yilmaz, Karimov, Tokhtarov, Sultanov, Demir, Rakhimov, Ismailov, Kaya, Usmonov, Bekov",
    ),
  },
  INDIAN: {
    female: list("Priya, Anjali, Kavya, Sunita, Deepika, Meera, Pooja, Lakshmi, Nisha, Farzana"),
    male: list("Rahul, Amit, Arjun, Vikram, Sanjay, Rohan, Harpreet, Imran, Suresh, Ravi"),
    family: list("Sharma, Singh, Patel, Kumar, Gupta, Reddy, Nair, Iyer, Das, Khan, Mehta, Chowdhury"),
  },
  CHINESE: {
    female: list("Li Na, Wang Fang, Xiu Ying, Mei Ling, Hui Min, Yan, Jing, Xiao Hong"),
    male: list("Wei, Jun, Hao, Lei, Zhi Qiang, Jian Guo, Ming, Tao"),
    family: list("Wang, Li, Zhang, Liu, Chen, Yang, Zhao, Huang, Zhou, Wu"),
  },
  AFRICAN: {
    female: list("Chiamaka, Ngozi, Amina, Adaeze, Mireille, Sandrine, Hiwot, Folake"),
    male: list("Chinedu, Emeka, Oluwaseun, Ibrahim, Jean-Paul, Samuel, Tesfaye, Kwame"),
    family: list("Okafor, Adeyemi, Eze, Balogun, Nkemelu, Mbarga, Fotso, Tadesse, Bello, Ndongo"),
  },
  OTHER: {
    female: list("Maria, Sophie, Emma, Laura, Julia, Claire, Anna, Elena, Katarzyna, Sarah"),
    male: list("John, Pierre, Thomas, Marco, Lukas, Jan, David, Michael, Pablo, Nikos"),
    family: list(
      "Miller, Martin, Bernard, Schneider, Rossi, Nowak, Novak, Garcia, Papadopoulos, De Vries, Johnson, Lambert",
    ),
  },
};

const GROUP_BY_COUNTRY: Readonly<Record<string, NameGroup>> = {
  AM: "ARMENIAN",
  GE: "GEORGIAN",
  RU: "RUSSIAN",
  UA: "RUSSIAN",
  BY: "RUSSIAN",
  MD: "RUSSIAN",
  IR: "PERSIAN",
  AF: "PERSIAN",
  TJ: "PERSIAN",
  SY: "ARABIC",
  IQ: "ARABIC",
  LB: "ARABIC",
  JO: "ARABIC",
  EG: "ARABIC",
  AE: "ARABIC",
  TR: "TURKIC",
  AZ: "TURKIC",
  KZ: "TURKIC",
  KG: "TURKIC",
  UZ: "TURKIC",
  IN: "INDIAN",
  PK: "INDIAN",
  BD: "INDIAN",
  LK: "INDIAN",
  CN: "CHINESE",
  NG: "AFRICAN",
  CM: "AFRICAN",
  ET: "AFRICAN",
};

export function nameGroupFor(country: string): NameGroup {
  return GROUP_BY_COUNTRY[country] ?? "OTHER";
}

export function givenName(rng: Rng, group: NameGroup, sex: Sex): string {
  const list = NAMES[group];
  return rng.pick(sex === "FEMALE" ? list.female : list.male);
}

/** Family name in the masculine (or only) form; see `familyNameForSex`. */
export function familyName(rng: Rng, group: NameGroup): string {
  return rng.pick(NAMES[group].family);
}

/** Slavic and Central Asian surnames in -ov/-ev/-in take a feminine -a; a family shares one surname across sexes. */
export function familyNameForSex(name: string, sex: Sex): string {
  const masculine = /(ov|ev|in)a$/.test(name) ? name.slice(0, -1) : name;
  return sex === "FEMALE" && /(ov|ev|in)$/.test(masculine) ? `${masculine}a` : masculine;
}

/** Synthetic employer names for remunerated-work permits. */
const EMPLOYER_STEMS = list(
  "Arevik, Nairi, Lernamerdz, Kaputak, Tsirani, Hatsatun, Vanadzor Stone, Dzoraget, Aghavni, Shiraksar, Ardzagang, Meghrashen",
);
const EMPLOYER_TRADES = list(
  "Construction, Logistics, Software, Textiles, Hospitality, Agro, Mining Services, Trading, Engineering, Foods, Medical Centre, Security",
);
const EMPLOYER_FORMS = list("LLC, LLC, LLC, CJSC, OJSC");

export function employerName(rng: Rng): string {
  return `${rng.pick(EMPLOYER_STEMS)} ${rng.pick(EMPLOYER_TRADES)} ${rng.pick(EMPLOYER_FORMS)}`;
}
