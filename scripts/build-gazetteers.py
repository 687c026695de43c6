#!/usr/bin/env python3
"""Writes the entity gazetteer resource used by the `entities` stage.

Every list below was written by hand for this project from general knowledge (no list was copied from a website or
a data set). Output: one entry per line, `TYPE<TAB>phrase`, sorted and de-duplicated, where TYPE is one of
LOC (countries, capitals, cities, regions), NORP (nationalities, demonyms, religious and political groups),
ORG (well-known organisations), ORGWORD (words that end or mark organisation names), FIRST (common first names),
TITLE (person titles and roles that precede names), COMMON (closed-class and very common English words that are
written in lower case inside a sentence: a background stand-in for "this word is usually lower-case").

    python3 scripts/build-gazetteers.py [OUTPUT]   # default: Sources/Stages/Entities/Resources/entities-gazetteer.tsv
"""
import os
import sys

COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|
Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Herzegovina|
Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|
Chile|China|Colombia|Comoros|Congo|Democratic Republic of Congo|Costa Rica|Ivory Coast|Croatia|Cuba|Cyprus|
Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|
Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|
Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|
Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|
Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|
Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|
Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Trinidad and Tobago|Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|
Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|
Northern Ireland|United States|United States of America|U.S.|US|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|
Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Yugoslavia|Soviet Union|USSR|Czechoslovakia|Zaire|Hong Kong|Macau|
Greenland|Puerto Rico|Gaza|Gaza Strip|West Bank|Chechnya|Kurdistan|Tibet|Crimea|Abkhazia|Corsica|Sicily|Sardinia|
Catalonia|Basque Country|Flanders|Wallonia|Bavaria|Quebec|Ontario|British Columbia|Alberta|Manitoba|Nova Scotia|
Tasmania|Queensland|New South Wales|Victoria|Siberia|Kashmir|Punjab|Bengal|Xinjiang|Guangdong|Sichuan|Okinawa|
Hokkaido|Mindanao|Java|Sumatra|Borneo|Bali|Sinai|Golan Heights|Kurdish region|ROK|DPRK|PRC|Korea|Republic of Korea
"""

US_STATES = """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|
Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|
Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|
Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|
District of Columbia
"""

CITIES = """
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Vienna|Baku|
Manama|Dhaka|Minsk|Brussels|Antwerp|Sarajevo|Brasilia|Rio de Janeiro|Sao Paulo|Sofia|Phnom Penh|Ottawa|Toronto|
Montreal|Vancouver|Calgary|Santiago|Beijing|Shanghai|Guangzhou|Shenzhen|Wuhan|Chongqing|Tianjin|Nanjing|Hangzhou|
Bogota|Medellin|Zagreb|Havana|Nicosia|Prague|Copenhagen|Cairo|Alexandria|Tallinn|Addis Ababa|Helsinki|Paris|Lyon|
Marseille|Nice|Toulouse|Bordeaux|Strasbourg|Tbilisi|Berlin|Bonn|Hamburg|Munich|Frankfurt|Cologne|Stuttgart|Dusseldorf|
Leipzig|Dresden|Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Bombay|Calcutta|Kolkata|Madras|Chennai|
Bangalore|Hyderabad|Jakarta|Tehran|Baghdad|Basra|Mosul|Dublin|Belfast|Jerusalem|Tel Aviv|Haifa|Rome|Milan|Naples|
Turin|Florence|Venice|Genoa|Kingston|Tokyo|Osaka|Kyoto|Yokohama|Hiroshima|Nagasaki|Amman|Astana|Almaty|Nairobi|
Mombasa|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Tripoli|Benghazi|Vilnius|Kuala Lumpur|Valletta|
Mexico City|Guadalajara|Monterrey|Chisinau|Ulan Bator|Ulaanbaatar|Rabat|Casablanca|Maputo|Yangon|Rangoon|Kathmandu|
Amsterdam|Rotterdam|The Hague|Wellington|Auckland|Managua|Lagos|Abuja|Pyongyang|Oslo|Muscat|Islamabad|Karachi|Lahore|
Panama City|Lima|Manila|Warsaw|Krakow|Lisbon|Porto|Doha|Bucharest|Moscow|St Petersburg|Saint Petersburg|Riyadh|
Jeddah|Mecca|Medina|Dakar|Belgrade|Singapore|Bratislava|Ljubljana|Mogadishu|Johannesburg|Cape Town|Pretoria|Durban|
Seoul|Busan|Pusan|Incheon|Madrid|Barcelona|Valencia|Seville|Bilbao|Colombo|Khartoum|Stockholm|Gothenburg|Geneva|
Zurich|Bern|Basel|Lausanne|Damascus|Aleppo|Homs|Idlib|Taipei|Dushanbe|Dar es Salaam|Bangkok|Tunis|Ankara|Istanbul|
Izmir|Ashgabat|Kampala|Kiev|Kyiv|Kharkiv|Odessa|Donetsk|Abu Dhabi|Dubai|London|Manchester|Liverpool|Birmingham|Leeds|
Glasgow|Edinburgh|Cardiff|Bristol|Oxford|Cambridge|Washington|New York City|Los Angeles|Chicago|Houston|Philadelphia|
Phoenix|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Atlanta|Miami|Detroit|Denver|Las Vegas|
New Orleans|Baltimore|Pittsburgh|Cleveland|Minneapolis|St Louis|Cincinnati|Milwaukee|Nashville|Portland|Sacramento|
Honolulu|Anchorage|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Aden|Lusaka|Harare|Belgrade|Sarajevo|
Gdansk|Hebron|Ramallah|Nablus|Kandahar|Herat|Peshawar|Quetta|Grozny|Vladivostok|Novosibirsk|Sochi|Minsk|Lvov|Lviv|
Marrakesh|Fez|Luxor|Kinshasa|Brazzaville|Kigali|Bujumbura|Lome|Abidjan|Bamako|Niamey|Ouagadougou|Conakry|Freetown|
Monrovia|Nouakchott|Windhoek|Gaborone|Maseru|Lilongwe|Antananarivo|Port Louis|Port-au-Prince|Santo Domingo|San Juan|
Guatemala City|San Salvador|Tegucigalpa|San Jose|Quito|Guayaquil|La Paz|Asuncion|Montevideo|Valparaiso|Cordoba|
Rosario|Hong Kong|Macau|Kowloon|Davos|Monaco|Salzburg|Graz|Innsbruck|Lille|Nantes|Rennes|Marseilles|Wimbledon|
Silicon Valley|Wall Street|Brooklyn|Manhattan|Queens|Bronx|Hollywood|Pentagon
"""

REGIONS = """
Europe|Asia|Africa|North America|South America|Latin America|Central America|Antarctica|Oceania|Middle East|
Near East|Far East|East Asia|Southeast Asia|South Asia|Central Asia|Northeast Asia|Western Europe|Eastern Europe|
Central Europe|Southern Europe|Northern Europe|Scandinavia|Balkans|Caucasus|North Africa|West Africa|East Africa|
Southern Africa|Sub-Saharan Africa|Horn of Africa|Sahara|Sahel|Maghreb|Gulf|Persian Gulf|Arabian Peninsula|
Korean Peninsula|Korean peninsula|Pacific|Atlantic|Indian Ocean|Arctic|Mediterranean|Baltic|Black Sea|Caspian Sea|
Red Sea|South China Sea|East China Sea|Yellow Sea|Sea of Japan|North Sea|Caribbean|Amazon|Nile|Danube|Rhine|Thames|
Yangtze|Mekong|Euphrates|Tigris|Mississippi River|Himalayas|Alps|Andes|Rockies|Urals|Taiwan Strait|Strait of Hormuz|
Suez Canal|Panama Canal|Midwest|New England|Silicon Valley|Latin America|Asia-Pacific|Iberia|Anatolia|Mesopotamia|
Patagonia|Siberia|Kurdistan|Levant|Indochina|Pacific Rim
"""

NORP = """
Afghan|Albanian|Algerian|American|Americans|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|Azerbaijani|
Azeri|Bahraini|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Briton|Britons|Bulgarian|Burmese|
Cambodian|Cameroonian|Canadian|Chadian|Chilean|Chinese|Colombian|Congolese|Croatian|Croat|Croats|Cuban|Cypriot|Czech|
Danish|Dane|Danes|Dutch|Dutchman|Ecuadorian|Egyptian|Emirati|English|Englishman|Eritrean|Estonian|Ethiopian|Fijian|
Filipino|Finnish|Finn|Finns|French|Frenchman|Georgian|German|Germans|Ghanaian|Greek|Greeks|Guatemalan|Haitian|
Honduran|Hungarian|Icelandic|Indian|Indians|Indonesian|Iranian|Iraqi|Irish|Israeli|Israelis|Italian|Italians|Ivorian|
Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Koreans|Kosovar|Kuwaiti|Kyrgyz|Lao|Laotian|Latvian|Lebanese|
Liberian|Libyan|Lithuanian|Luxembourgish|Macedonian|Malagasy|Malawian|Malaysian|Malian|Maltese|Mauritanian|Mexican|
Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepalese|Nepali|New Zealander|Nicaraguan|Nigerian|
Nigerien|Norwegian|Omani|Pakistani|Palestinian|Palestinians|Panamanian|Paraguayan|Peruvian|Polish|Pole|Poles|
Portuguese|Qatari|Romanian|Russian|Russians|Rwandan|Salvadoran|Saudi|Saudis|Scottish|Scot|Scots|Senegalese|Serbian|
Serb|Serbs|Singaporean|Slovak|Slovakian|Slovenian|Slovene|Somali|South African|South Korean|North Korean|Spanish|
Spaniard|Sri Lankan|Sudanese|Swedish|Swede|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Tibetan|Tunisian|Turkish|
Turk|Turks|Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Yugoslav|Zambian|
Zimbabwean|Soviet|European|Europeans|Asian|African|Africans|Arab|Arabs|Arabic|Latin American|Scandinavian|Nordic|
Balkan|Baltic|Caribbean|Western|Kurdish|Kurd|Kurds|Pashtun|Tamil|Sikh|Sikhs|Hindu|Hindus|Muslim|Muslims|Moslem|
Moslems|Islamic|Christian|Christians|Catholic|Catholics|Protestant|Protestants|Orthodox|Jewish|Jew|Jews|Buddhist|
Buddhists|Sunni|Sunnis|Shi'ite|Shiite|Shia|Shi'ites|Shiites|Evangelical|Anglican|Methodist|Baptist|Lutheran|Mormon|
Republican|Republicans|Democrat|Democrats|Democratic|Socialist|Socialists|Communist|Communists|Conservative|
Conservatives|Labour|Liberal|Liberals|Tory|Tories|Green|Greens|Marxist|Maoist|Leninist|Islamist|Islamists|
Zionist|Bolshevik|Gaullist|Nazi|Nazis|Hispanic|Latino|Latina|Asian American|African American|Basque|Catalan|
Flemish|Walloon|Bavarian|Corsican|Sicilian|Hutu|Hutus|Tutsi|Tutsis|Zulu|Uighur|Uyghur|Rohingya|Yazidi|Druze|
Maronite|Copt|Coptic|Alawite|Bedouin|Pakistani|Québécois|Quebecois|Cossack|Chechen|Chechens|Dagestani|Ossetian|
Abkhaz|Crimean|Tatar|Texan|Californian|New Yorker|Londoner|Parisian|Muscovite|Hongkonger|Gulf Arab|Anglo|Saxon
"""

ORGS = """
United Nations|UN|U.N.|UN Security Council|Security Council|General Assembly|NATO|European Union|EU|European Commission|
European Parliament|European Central Bank|ECB|Council of Europe|OSCE|African Union|ASEAN|Arab League|OPEC|G7|G8|G20|
World Bank|International Monetary Fund|IMF|World Trade Organization|WTO|World Health Organization|WHO|UNESCO|UNICEF|
UNHCR|Red Cross|International Committee of the Red Cross|Red Crescent|Amnesty International|Human Rights Watch|
Greenpeace|Interpol|Europol|FIFA|UEFA|IOC|International Olympic Committee|NBA|NFL|NHL|MLB|ATP|WTA|ICC|
International Criminal Court|International Court of Justice|IAEA|International Atomic Energy Agency|OECD|
White House|State Department|Pentagon|Congress|Senate|House of Representatives|Supreme Court|Federal Reserve|Fed|
FBI|CIA|NSA|NASA|FDA|EPA|SEC|Treasury|Justice Department|Department of Justice|Department of Defense|
Defense Department|Homeland Security|Department of Homeland Security|Commerce Department|Labor Department|
Kremlin|Duma|State Duma|Bundestag|Bundesbank|Bundesrat|Knesset|Parliament|House of Commons|House of Lords|
Downing Street|Whitehall|Élysée|Elysee|Bank of England|Bank of Japan|People's Bank of China|Blue House|
National Assembly|Foreign Ministry|Defense Ministry|Defence Ministry|Finance Ministry|Interior Ministry|
Unification Ministry|Foreign Office|Home Office|Ministry of Foreign Affairs|Ministry of Defense|Ministry of Finance|
Taliban|Hamas|Hezbollah|Hizbollah|al Qaeda|al-Qaeda|Al-Qaeda|Islamic State|ISIS|ISIL|Muslim Brotherhood|IRA|
Sinn Fein|PLO|Fatah|PKK|ETA|FARC|Kurdistan Workers Party|Khmer Rouge|Boko Haram|Al-Shabaab|Shabaab|
Republican Party|Democratic Party|Labour Party|Conservative Party|Communist Party|Liberal Democrats|
Christian Democratic Union|CDU|CSU|SPD|Social Democrats|ANC|African National Congress|Congress Party|BJP|
Likud|Labor Party|Workers' Party|Kuomintang|KMT|National Front|Front National|United Russia|Liberal Party|
Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|BBC|CNN|Fox News|NBC|CBS|ABC|Al Jazeera|Xinhua|
Yonhap|Kyodo|Tass|Itar-Tass|Interfax|New York Times|Washington Post|Wall Street Journal|Financial Times|Guardian|
Times|Economist|Twitter|Facebook|Google|Apple|Microsoft|Amazon|IBM|Intel|Samsung|Sony|Toyota|Honda|Nissan|Hyundai|
General Motors|GM|Ford|Chrysler|Boeing|Airbus|Volkswagen|BMW|Daimler|Mercedes|Siemens|Shell|Royal Dutch Shell|BP|
Exxon|ExxonMobil|Chevron|Total|Gazprom|Rosneft|Aramco|Nestle|Unilever|Philips|Nokia|Ericsson|Huawei|Alibaba|
Tencent|Baidu|Goldman Sachs|Morgan Stanley|JP Morgan|JPMorgan|Citigroup|Citibank|HSBC|Barclays|Deutsche Bank|
UBS|Credit Suisse|BNP Paribas|Societe Generale|Nasdaq|New York Stock Exchange|NYSE|Dow Jones|Standard & Poor's|
S&P|Moody's|Fitch|Harvard|Harvard University|Yale|Stanford|MIT|Oxford University|Cambridge University|
Manchester United|Real Madrid|Barcelona|Juventus|Bayern Munich|Ajax|Liverpool|Chelsea|Arsenal|AC Milan|Inter Milan|
Coca-Cola|Pepsi|PepsiCo|McDonald's|Walmart|Wal-Mart|AT&T|Verizon|Netflix|Tesla|Uber|Lufthansa|Air France|
British Airways|Aeroflot|Renault|Peugeot|Fiat|Volvo|Saab|Nintendo|Panasonic|Hitachi|Toshiba|Mitsubishi|LG|SK|
Lotte|Daewoo|Kia|Tata|Reliance|Infosys|Petrobras|Pemex|Vale|Glencore|Rio Tinto|BHP|Novartis|Roche|Pfizer|Merck|
Bayer|BASF|Sanofi|GlaxoSmithKline|AstraZeneca|Johnson & Johnson|Procter & Gamble|USFK|KCNA|Politburo|Central Committee|
Hamburg SV|Olympics|Olympic Games
"""

ORG_WORDS = """
Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|Limited|LLC|Plc|PLC|plc|AG|GmbH|SA|S.A.|NV|N.V.|BV|SpA|AB|ASA|
Group|Holdings|Holding|Industries|International|Bank|Bancorp|Airlines|Airways|Motors|Systems|Technologies|Partners|
Capital|Securities|Fund|Trust|Association|Federation|Union|Council|Committee|Commission|Agency|Authority|Board|Bureau|
Ministry|Department|Office|Party|Front|Movement|Alliance|League|Organisation|Organization|Institute|Foundation|
University|College|School|Academy|Hospital|Church|Club|United|City|Rovers|Athletic|Wanderers|Exchange|Court|Army|
Navy|Police|Force|Forces|Assembly|Parliament|Senate|Congress|Cabinet|Government|Administration|Service|Services|
Society|Center|Centre|Network|News|Times|Post|Journal|Press|Herald|Tribune|Telegraph|Television|Radio|Broadcasting|
Energy|Oil|Petroleum|Gas|Steel|Mining|Electric|Electronics|Telecom|Communications|Pharmaceuticals|Insurance|Brothers|
Stores|Enterprises|Ventures|Investments|Management|Consulting|Labs|Laboratories|Team|Racing
"""

TITLES = """
Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady|President|Vice President|Prime Minister|
Minister|Foreign Minister|Defense Minister|Defence Minister|Finance Minister|Secretary|Secretary of State|
Secretary-General|Chancellor|King|Queen|Prince|Princess|Emperor|Pope|Cardinal|Archbishop|Bishop|Rev|Rev.|Reverend|
Father|Sheikh|Imam|Ayatollah|Rabbi|General|Gen|Gen.|Colonel|Col.|Lieutenant|Lt.|Major|Maj.|Captain|Capt.|Admiral|
Sergeant|Sgt.|Governor|Gov.|Senator|Sen.|Representative|Rep.|Congressman|Congresswoman|Mayor|Judge|Justice|
Ambassador|Envoy|Chairman|Chairwoman|Chief Executive|CEO|Director|Spokesman|Spokeswoman|Commissioner|Premier|
Leader|Speaker|coach|striker|midfielder|defender|goalkeeper|manager|captain|spokesman|spokeswoman|chairman|
president|minister|secretary|leader|adviser|advisor|analyst|official|correspondent|reporter|candidate
"""

FIRST_NAMES = """
James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|Matthew|Anthony|Mark|Donald|
Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Timothy|Ronald|Edward|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|
Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Gregory|Alexander|Frank|Patrick|Raymond|Jack|Dennis|
Jerry|Tyler|Aaron|Jose|Adam|Nathan|Henry|Douglas|Zachary|Peter|Kyle|Walter|Ethan|Jeremy|Harold|Keith|Christian|
Roger|Noah|Gerald|Carl|Terry|Sean|Austin|Arthur|Lawrence|Jesse|Dylan|Bryan|Joe|Jordan|Billy|Bruce|Albert|Willie|
Gabriel|Logan|Alan|Juan|Wayne|Roy|Ralph|Randy|Eugene|Vincent|Russell|Elijah|Louis|Bobby|Philip|Phil|Johnny|Mike|
Bill|Bob|Tom|Tony|Jim|Jimmy|Dave|Steve|Chris|Nick|Ben|Sam|Tim|Jon|Matt|Dan|Danny|Rob|Ron|Ken|Greg|Jeff|Andy|Pete|
Ted|Teddy|Ed|Eddie|Fred|Freddie|Harry|Charlie|Alex|Max|Ian|Neil|Nigel|Graham|Colin|Gordon|Malcolm|Hugh|Martin|Simon|
Tony|Barry|Derek|Trevor|Clive|Geoffrey|Stuart|Alastair|Alistair|Duncan|Hamish|Angus|Rupert|Oliver|Jeremy|Tobias|
Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|Sandra|Ashley|
Kimberly|Emily|Donna|Michelle|Dorothy|Carol|Amanda|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|
Amy|Shirley|Angela|Helen|Anna|Anne|Ann|Brenda|Pamela|Nicole|Emma|Samantha|Katherine|Catherine|Christine|Debra|
Rachel|Carolyn|Janet|Virginia|Maria|Heather|Diane|Julie|Joyce|Victoria|Kelly|Christina|Lauren|Joan|Evelyn|Olivia|
Judith|Megan|Cheryl|Martha|Andrea|Frances|Hannah|Jacqueline|Ann|Gloria|Jean|Kathryn|Alice|Teresa|Sara|Janice|Doris|
Madison|Julia|Grace|Judy|Abigail|Marie|Denise|Beverly|Amber|Theresa|Marilyn|Danielle|Diana|Brittany|Natalie|Sophia|
Rose|Isabella|Alexis|Kayla|Charlotte|Hillary|Nancy|Condoleezza|Madeleine|Angela|Theresa|Ursula|Christine|Kamala|
Jacinda|Nicola|Sally|Sue|Kate|Jane|Jill|Liz|Beth|Meg|Annie|Molly|Lucy|Ellen|Claire|Clare|Fiona|Gillian|Hazel|
Hans|Klaus|Jurgen|Helmut|Gerhard|Wolfgang|Dieter|Horst|Werner|Uwe|Stefan|Matthias|Markus|Andreas|Thomas|Franz|
Karl|Heinz|Friedrich|Rudolf|Otto|Ernst|Jens|Lars|Sven|Nils|Erik|Anders|Magnus|Bjorn|Olaf|Jan|Pieter|Willem|Johan|
Dirk|Hendrik|Jacques|Jean|Pierre|Michel|Francois|Nicolas|Philippe|Alain|Bernard|Christophe|Emmanuel|Laurent|Olivier|
Didier|Thierry|Yves|Marcel|Patrice|Marine|Sylvie|Isabelle|Monique|Giuseppe|Giovanni|Mario|Luigi|Marco|Francesco|
Antonio|Alessandro|Roberto|Silvio|Romano|Matteo|Paolo|Carlo|Sergio|Fabio|Luca|Andrea|Carlos|Luis|Miguel|Pedro|
Manuel|Javier|Fernando|Jorge|Alberto|Felipe|Rafael|Ricardo|Diego|Pablo|Enrique|Alejandro|Raul|Hugo|Juan|Jesus|
Francisco|Joao|Vladimir|Boris|Sergei|Sergey|Dmitry|Dmitri|Mikhail|Alexei|Alexey|Ivan|Nikolai|Igor|Viktor|Yuri|
Oleg|Andrei|Anatoly|Gennady|Grigory|Yevgeny|Leonid|Pavel|Olga|Natalia|Tatiana|Irina|Svetlana|Elena|Yulia|Petro|
Volodymyr|Viktor|Lech|Aleksander|Vaclav|Milos|Slobodan|Radovan|Ratko|Franjo|Alija|Recep|Ahmet|Mehmet|Mustafa|
Mohammed|Mohammad|Muhammad|Mohamed|Ahmed|Ahmad|Ali|Hassan|Hussein|Hosni|Omar|Abdullah|Abdul|Ibrahim|Khalid|Khaled|
Yasser|Saddam|Bashar|Hafez|Mahmoud|Mahmud|Osama|Ayman|Hamid|Nouri|Hamad|Salman|Faisal|Fahd|Benjamin|Yitzhak|
Shimon|Ehud|Ariel|Moshe|Avigdor|Naftali|Yair|Narendra|Rahul|Sonia|Indira|Rajiv|Manmohan|Atal|Imran|Nawaz|
Benazir|Pervez|Xi|Hu|Wen|Li|Jiang|Deng|Mao|Zhou|Wang|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Shinzo|Yoshihide|Fumio|
Junichiro|Naoto|Taro|Ichiro|Hiroshi|Takeshi|Kenji|Akira|Yuki|Moon|Park|Kim|Lee|Yoon|Roh|Kang|Chung|Cho|Choi|Jong|
Nelson|Jacob|Thabo|Cyril|Robert|Kofi|Ban|Antonio|Boutros|Fidel|Raul|Hugo|Nicolas|Evo|Lula|Dilma|Jair|Mauricio|
Javier|Juan|Emmanuel|Recep|Angela|Olaf|Rishi|Boris|Keir|Tony|Gordon|David|Theresa|Justin|Stephen|Jean|Kevin|Scott|
Malcolm|Joko|Rodrigo|Ferdinand|Benigno|Mahathir|Najib|Anwar|Lee|Goh|Thaksin|Prayuth|Aung|Hun|Nguyen|Ho
"""

COMMON_WORDS = """
a|an|the|this|that|these|those|some|any|each|every|either|neither|no|all|both|few|many|much|more|most|other|another|
such|what|which|who|whom|whose|when|where|why|how|whether|whatever|whoever|whenever|wherever|however|i|me|my|mine|
we|us|our|ours|you|your|yours|he|him|his|she|her|hers|it|its|they|them|their|theirs|myself|ourselves|yourself|
himself|herself|itself|themselves|one|ones|and|or|but|nor|so|yet|for|if|unless|because|since|although|though|while|
whereas|after|before|until|till|once|as|than|then|thus|therefore|hence|moreover|furthermore|meanwhile|nevertheless|
nonetheless|otherwise|instead|besides|also|too|only|even|just|still|already|again|ever|never|always|often|sometimes|
usually|perhaps|maybe|indeed|rather|quite|very|really|almost|nearly|about|above|across|against|along|among|around|
at|behind|below|beneath|beside|between|beyond|by|despite|down|during|except|from|in|inside|into|like|near|of|off|on|
onto|out|outside|over|past|per|regarding|through|throughout|to|toward|towards|under|underneath|unlike|up|upon|via|
with|within|without|is|are|was|were|be|been|being|am|have|has|had|having|do|does|did|done|doing|will|would|shall|
should|can|could|may|might|must|ought|not|here|there|now|today|yesterday|tomorrow|tonight|currently|recently|
finally|first|second|third|last|next|earlier|later|soon|yes|no|oh|please|thanks|thank|well|anyway|regardless|
accordingly|consequently|additionally|similarly|likewise|overall|specifically|especially|particularly|generally|
according|including|following|given|based|considering|unfortunately|fortunately|clearly|obviously|certainly|
probably|possibly|apparently|actually|basically|earlier|let|lets|get|gets|got|make|makes|made|say|says|said|see|
sees|saw|read|click|share|sign|subscribe|follow|join|watch|view|close|open|more|new|related|recommended|latest|top|
popular|trending|advertisement|comments|comment|reply|login|log|register|home|menu|search|contact|privacy|terms|
cookies|newsletter|newsletters
"""


def entries(block):
    for item in block.replace("\n", "").split("|"):
        item = item.strip()
        if item:
            yield item


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "Sources", "Stages", "Entities", "Resources", "entities-gazetteer.tsv")
    out = sys.argv[1] if len(sys.argv) > 1 else default
    rows = set()
    for label, blocks in (
        ("LOC", (COUNTRIES, US_STATES, CITIES, REGIONS)),
        ("NORP", (NORP,)),
        ("ORG", (ORGS,)),
        ("ORGWORD", (ORG_WORDS,)),
        ("TITLE", (TITLES,)),
        ("FIRST", (FIRST_NAMES,)),
        ("COMMON", (COMMON_WORDS,)),
    ):
        for block in blocks:
            for name in entries(block):
                rows.add((label, name))
    with open(out, "w", encoding="utf-8") as f:
        for label, name in sorted(rows):
            f.write(f"{label}\t{name}\n")
    print(f"wrote {len(rows)} entries to {out}")


if __name__ == "__main__":
    main()
