"""Seed texts of the stories benchmark, written for sagte (fictional people, places and events).

Each storyline (a topic over weeks) holds stories (one event over a few days);
each story holds two independently written reports: an agency text ("A"),
which `make_stories_data.py` syndicates into edited copies, and another
outlet's own report ("B"). Some storylines share a topic on purpose (two
storms four days apart, two strikes two days apart, two rate decisions seven
weeks apart): same topic, different event.

Licence: written for this project, Apache-2.0 like the code.
"""

from __future__ import annotations

STORYLINES: list[dict] = [
    {
        "id": "sturmserie",
        "stories": [
            {
                "id": "sturm-hanna",
                "start": "2023-02-10T05:40",
                "extra": "Die Feuerwehr bat die Bevölkerung, Parks und Wälder in den kommenden Tagen zu meiden, weil weiterhin Äste abbrechen könnten.",
                "texts": [
                    {
                        "title": "Sturm „Hanna“ wütet an der Nordseeküste",
                        "paras": [
                            "Orkanböen von bis zu 140 Kilometern pro Stunde haben in der Nacht zum Freitag an der Nordseeküste schwere Schäden angerichtet. Sturmtief „Hanna“ entwurzelte in Ostfriesland Hunderte Bäume, deckte Dächer ab und legte den Fährverkehr zu den Inseln komplett lahm.",
                            "In Emden wurde ein Autofahrer von einem umstürzenden Baum getroffen und schwer verletzt. „Wir hatten seit Mitternacht mehr als 400 Einsätze“, sagte Kreisbrandmeister Olaf Renken. Viele Straßen seien noch immer gesperrt.",
                            "Die Deutsche Bahn stellte den Regionalverkehr zwischen Norddeich und Oldenburg vorübergehend ein. Nach Angaben des Wetterdienstes soll der Wind im Laufe des Freitags allmählich nachlassen.",
                        ],
                    },
                    {
                        "title": "Hunderte Einsätze in Ostfriesland: „Hanna“ legt Fähren lahm",
                        "paras": [
                            "Für die Feuerwehren in Ostfriesland war es eine lange Nacht. Das Sturmtief „Hanna“ zog mit Spitzenböen weit über 100 km/h über die Küste, kein Schiff zu den Inseln legte am Freitagmorgen ab.",
                            "Kreisbrandmeister Olaf Renken sprach von mehr als 400 Einsätzen seit Mitternacht. Umgestürzte Bäume blockierten zahlreiche Landstraßen, in Emden erlitt ein Autofahrer schwere Verletzungen.",
                            "Auch Bahnreisende brauchten Geduld: Zwischen Norddeich und Oldenburg fuhren stundenlang keine Züge.",
                        ],
                    },
                ],
            },
            {
                "id": "sturm-ingo",
                "start": "2023-02-14T07:10",
                "extra": "Der Landkreis richtete ein Bürgertelefon ein, unter dem Betroffene Schäden melden und Hilfe anfordern können.",
                "texts": [
                    {
                        "title": "Nächster Sturm: „Ingo“ trifft Schleswig-Holstein",
                        "paras": [
                            "Nur vier Tage nach dem letzten Unwetter hat erneut ein Sturmtief den Norden erreicht. „Ingo“ brachte in der Nacht zum Dienstag vor allem in Schleswig-Holstein Sturmfluten und heftigen Regen, in Husum trat die Nordsee über die Kaimauer.",
                            "Die Innenstadt von Husum stand am Morgen teilweise unter Wasser, Keller liefen voll. „Das Wasser kam schneller, als wir gedacht hatten“, sagte Bürgermeisterin Katrin Voss. Verletzt wurde nach ersten Erkenntnissen niemand.",
                            "Auf Sylt und Amrum fiel zeitweise der Strom aus. Der Hindenburgdamm blieb bis zum Vormittag für den Autozug gesperrt.",
                        ],
                    },
                    {
                        "title": "Husum unter Wasser – Sturmflut nach Tief „Ingo“",
                        "paras": [
                            "Mit einer Sturmflut hat Tief „Ingo“ die Westküste Schleswig-Holsteins getroffen. In Husum schwappte das Wasser über die Kaimauer bis in die Altstadt.",
                            "Bürgermeisterin Katrin Voss sagte, das Wasser sei schneller gekommen als erwartet. Helfer pumpten den ganzen Dienstagvormittag Keller leer, Menschen kamen nicht zu Schaden.",
                            "Auf den Inseln Sylt und Amrum gingen stundenlang die Lichter aus, der Autozug über den Hindenburgdamm stand still.",
                        ],
                    },
                ],
            },
            {
                "id": "sturm-bilanz",
                "start": "2023-02-21T11:00",
                "extra": "Verbraucherschützer raten, Schäden mit Fotos zu dokumentieren und Reparaturrechnungen aufzubewahren.",
                "texts": [
                    {
                        "title": "Versicherer: Stürme kosten 480 Millionen Euro",
                        "paras": [
                            "Die beiden Februarstürme „Hanna“ und „Ingo“ haben nach einer ersten Schätzung der Versicherungswirtschaft versicherte Schäden von rund 480 Millionen Euro verursacht. Am stärksten betroffen seien Wohngebäude in Niedersachsen und Schleswig-Holstein, teilte der Branchenverband am Dienstag in Berlin mit.",
                            "„Die Häufung schwerer Stürme in so kurzer Zeit ist ungewöhnlich“, sagte Verbandssprecherin Miriam Albers. Bislang seien knapp 90.000 Schadensmeldungen eingegangen, die Zahl werde noch steigen.",
                            "Der Verband rief Hausbesitzer auf, ihren Versicherungsschutz gegen Elementarschäden zu prüfen. Viele Policen deckten Überschwemmungen nicht ab.",
                        ],
                    },
                    {
                        "title": "Sturmschäden: Fast 90.000 Meldungen bei Versicherern",
                        "paras": [
                            "Die Versicherer ziehen Bilanz nach den Stürmen im Norden: Rund 480 Millionen Euro müssen sie nach vorläufigen Zahlen für Schäden an Häusern, Autos und Betrieben zahlen.",
                            "Sprecherin Miriam Albers nannte die schnelle Folge zweier schwerer Stürme ungewöhnlich. Fast 90.000 Kunden hätten bereits Schäden gemeldet.",
                            "Wer gegen Hochwasser versichert sein will, braucht eine eigene Elementarschadenversicherung, erinnerte der Verband.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "bahnstreik",
        "stories": [
            {
                "id": "bahn-warnstreik",
                "start": "2023-03-06T04:00",
                "extra": "Fahrgäste mit Tickets für den Streiktag können diese nach Angaben der Bahn flexibel später nutzen.",
                "texts": [
                    {
                        "title": "Warnstreik legt Bahnverkehr bundesweit lahm",
                        "paras": [
                            "Ein Warnstreik der Gewerkschaft der Zugbegleiter (GdZ) hat am Montag den Bahnverkehr in weiten Teilen Deutschlands zum Erliegen gebracht. Im Fernverkehr fiel nach Angaben der Bahn rund 80 Prozent der Verbindungen aus, auch viele S-Bahnen standen still.",
                            "„Die Beschäftigten haben die Geduld verloren“, sagte GdZ-Chef Heiko Brandt in Frankfurt. Die Gewerkschaft fordert 12 Prozent mehr Lohn und eine kürzere Wochenarbeitszeit.",
                            "Die Bahn nannte den Ausstand überzogen. Personalvorständin Carola Weyand sagte, man habe ein faires Angebot vorgelegt. Die Verhandlungen sollen in der kommenden Woche fortgesetzt werden.",
                        ],
                    },
                    {
                        "title": "Stillstand auf der Schiene: Pendler stranden an Bahnhöfen",
                        "paras": [
                            "Volle Bahnsteige, leere Gleise: Wegen des Warnstreiks der Zugbegleiter-Gewerkschaft GdZ ging am Montag im Fernverkehr kaum etwas. Vier von fünf ICE- und IC-Zügen blieben im Depot.",
                            "GdZ-Vorsitzender Heiko Brandt erklärte, die Beschäftigten hätten die Geduld verloren. Verlangt werden zwölf Prozent mehr Geld und weniger Wochenstunden.",
                            "Bahn-Personalchefin Carola Weyand hielt dagegen, das Angebot des Konzerns sei fair, der Streik dagegen unverhältnismäßig.",
                        ],
                    },
                ],
            },
            {
                "id": "bahn-schlichtung",
                "start": "2023-03-15T13:00",
                "extra": "Die Schlichtung ist nach Angaben beider Seiten auf höchstens drei Wochen angelegt.",
                "texts": [
                    {
                        "title": "Tarifstreit bei der Bahn geht in die Schlichtung",
                        "paras": [
                            "Im Tarifkonflikt zwischen der Bahn und der Gewerkschaft der Zugbegleiter soll nun ein Schlichter vermitteln. Beide Seiten einigten sich am Mittwoch auf den früheren Arbeitsrichter Bernd Kollwitz, wie sie in Berlin mitteilten.",
                            "Während der Schlichtung sind Streiks ausgeschlossen. „Fahrgäste können bis Ostern planen“, sagte Bahn-Personalvorständin Carola Weyand. GdZ-Chef Heiko Brandt betonte, an den Kernforderungen ändere sich nichts.",
                            "Kollwitz hatte bereits 2019 einen Tarifstreit im Nahverkehr beigelegt.",
                        ],
                    },
                    {
                        "title": "Schlichter Kollwitz soll Bahn-Konflikt lösen",
                        "paras": [
                            "Friedenspflicht bis Ostern: Bahn und GdZ haben sich auf eine Schlichtung verständigt. Vermitteln soll der frühere Arbeitsrichter Bernd Kollwitz.",
                            "Personalvorständin Carola Weyand sagte, Reisende könnten nun bis Ostern planen. Gewerkschaftschef Heiko Brandt stellte klar, die Forderungen der GdZ blieben unverändert.",
                        ],
                    },
                ],
            },
            {
                "id": "bahn-einigung",
                "start": "2023-03-29T18:30",
                "extra": "Die Mitglieder der GdZ müssen dem Ergebnis in einer Urabstimmung noch zustimmen.",
                "texts": [
                    {
                        "title": "Bahn und GdZ einigen sich auf neuen Tarifvertrag",
                        "paras": [
                            "Nach gut drei Wochen Schlichtung ist der Tarifkonflikt bei der Bahn beigelegt. Die rund 40.000 Zugbegleiter bekommen in zwei Stufen insgesamt 9,5 Prozent mehr Lohn, die Wochenarbeitszeit sinkt ab 2025 um eine Stunde.",
                            "„Das ist ein Ergebnis, mit dem beide Seiten leben können“, sagte Schlichter Bernd Kollwitz am Mittwochabend. GdZ-Chef Heiko Brandt sprach von einem Erfolg für die Beschäftigten.",
                            "Der Vertrag läuft 26 Monate. Weitere Streiks sind damit bis Mitte 2025 ausgeschlossen.",
                        ],
                    },
                    {
                        "title": "9,5 Prozent mehr: Zugbegleiter setzen sich durch",
                        "paras": [
                            "Der Tarifstreit bei der Bahn ist vorbei. Der Schlichterspruch sieht 9,5 Prozent mehr Geld in zwei Schritten und ab 2025 eine kürzere Arbeitswoche vor.",
                            "Schlichter Bernd Kollwitz sagte, mit dem Ergebnis könnten beide Seiten leben. Die Gewerkschaft GdZ wertete den Abschluss als Erfolg.",
                            "Bis Mitte 2025 gilt nun Friedenspflicht – für Pendler eine gute Nachricht.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "kitastreik",
        "stories": [
            {
                "id": "kita-warnstreik",
                "start": "2023-03-08T06:00",
                "extra": "Eltern sollten sich bei ihrer Einrichtung erkundigen, ob eine Notbetreuung angeboten wird.",
                "texts": [
                    {
                        "title": "Warnstreik in Kitas: Tausende Eltern ohne Betreuung",
                        "paras": [
                            "Ein Warnstreik der Erzieherinnen und Erzieher hat am Mittwoch in Nordrhein-Westfalen Hunderte kommunale Kitas geschlossen. Die Gewerkschaft Bildung und Soziales (GBS) hatte zu dem ganztägigen Ausstand aufgerufen.",
                            "„Wir arbeiten seit Jahren am Limit“, sagte GBS-Landesleiterin Sabine Korte bei einer Kundgebung in Düsseldorf. Die Gewerkschaft verlangt mehr Personal und eine Zulage von 300 Euro im Monat.",
                            "Die kommunalen Arbeitgeber nannten die Forderungen nicht finanzierbar. Viele Eltern mussten kurzfristig Urlaub nehmen oder ihre Kinder mit zur Arbeit bringen.",
                        ],
                    },
                    {
                        "title": "Kitas zu, Eltern im Stress: Erzieherinnen streiken",
                        "paras": [
                            "In vielen Städten Nordrhein-Westfalens blieben die städtischen Kindertagesstätten am Mittwoch geschlossen. Die GBS hatte das Personal zum Warnstreik aufgerufen.",
                            "Landesleiterin Sabine Korte sagte vor Tausenden Streikenden in Düsseldorf, die Beschäftigten arbeiteten seit Jahren am Limit. Gefordert werden zusätzliche Stellen und 300 Euro Zulage monatlich.",
                            "Die Arbeitgeberseite lehnt das als zu teuer ab.",
                        ],
                    },
                ],
            },
            {
                "id": "kita-einigung",
                "start": "2023-04-20T16:00",
                "extra": "Die Kommunen rechnen mit Mehrkosten von rund 220 Millionen Euro im Jahr.",
                "texts": [
                    {
                        "title": "Durchbruch im Kita-Tarifstreit",
                        "paras": [
                            "Erzieherinnen und Erzieher in kommunalen Kitas in Nordrhein-Westfalen erhalten künftig eine monatliche Zulage von 200 Euro. Darauf haben sich die Gewerkschaft GBS und die kommunalen Arbeitgeber am Donnerstag in Köln verständigt.",
                            "Außerdem sollen landesweit 1.500 zusätzliche Stellen für Berufseinsteiger geschaffen werden. „Das ist ein wichtiger Schritt gegen den Personalmangel“, sagte GBS-Landesleiterin Sabine Korte.",
                            "Weitere Warnstreiks sind damit vom Tisch.",
                        ],
                    },
                    {
                        "title": "200 Euro Zulage für Erzieher – keine Streiks mehr",
                        "paras": [
                            "Nach wochenlangen Verhandlungen gibt es eine Einigung für die Kitas in NRW: 200 Euro Zulage im Monat und 1.500 neue Stellen für Berufseinsteiger.",
                            "Sabine Korte von der GBS nannte den Abschluss einen wichtigen Schritt gegen den Personalmangel. Eltern müssen keine weiteren Streiktage mehr fürchten.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "hochwasser-isel",
        "stories": [
            {
                "id": "isel-evakuierung",
                "start": "2023-06-02T09:00",
                "extra": "Der Katastrophenschutz hat in der Mehrzweckhalle von Lindach Feldbetten für 300 Menschen aufgestellt.",
                "texts": [
                    {
                        "title": "Hochwasser an der Isel: Lindach evakuiert Uferstraßen",
                        "paras": [
                            "Nach tagelangem Starkregen ist die Isel in Niederbayern über die Ufer getreten. In Lindach mussten am Freitag rund 800 Anwohner ihre Häuser in den Uferstraßen verlassen, der Pegel stieg am Vormittag auf 5,60 Meter.",
                            "„Wir rechnen damit, dass das Wasser noch mindestens einen Tag steigt“, sagte Landrat Georg Huber. Feuerwehr und Technisches Hilfswerk befestigten die Deiche mit Sandsäcken.",
                            "Mehrere Schulen blieben geschlossen, die Bundesstraße zwischen Lindach und Oberfeld wurde gesperrt.",
                        ],
                    },
                    {
                        "title": "Isel-Pegel bei 5,60 Metern – 800 Menschen müssen raus",
                        "paras": [
                            "Die Isel steigt und steigt. In Lindach räumten Einsatzkräfte am Freitag die Straßen nahe dem Fluss, etwa 800 Menschen kamen bei Verwandten oder in einer Notunterkunft unter.",
                            "Landrat Georg Huber rechnet damit, dass der Höchststand frühestens am Samstag erreicht ist. Helfer füllten Tausende Sandsäcke.",
                            "Zwischen Lindach und Oberfeld ist die Bundesstraße dicht.",
                        ],
                    },
                ],
            },
            {
                "id": "isel-dammbruch",
                "start": "2023-06-04T03:30",
                "extra": "Ein Sprecher des Wasserwirtschaftsamts kündigte an, den Deich nach dem Hochwasser vollständig zu untersuchen.",
                "texts": [
                    {
                        "title": "Damm bei Oberfeld gebrochen – Ortsteil überflutet",
                        "paras": [
                            "Am Sonntagmorgen ist bei Oberfeld ein Damm der Isel auf einer Länge von rund 30 Metern gebrochen. Das Wasser strömte in den Ortsteil Kleinweiher, Einsatzkräfte brachten mehr als 200 Menschen mit Booten in Sicherheit.",
                            "„Der Deich war durchgeweicht, wir konnten ihn nicht mehr halten“, sagte Kreisbrandrat Anton Meierhofer. Ein Hubschrauber der Bundespolizei warf Sandsäcke ab, um die Bruchstelle zu schließen.",
                            "Die Stadt Oberfeld rief den Katastrophenfall aus.",
                        ],
                    },
                    {
                        "title": "Katastrophenfall in Oberfeld nach Deichbruch",
                        "paras": [
                            "Kleinweiher steht unter Wasser. Nachdem bei Oberfeld ein Isel-Deich nachgegeben hatte, holten Retter in der Nacht zum Sonntag über 200 Bewohner mit Booten aus ihren Häusern.",
                            "Kreisbrandrat Anton Meierhofer sagte, der aufgeweichte Damm sei nicht mehr zu halten gewesen. Die Stadt hat den Katastrophenfall ausgerufen.",
                            "Ein Hubschrauber versuchte, die Lücke im Deich mit großen Sandsäcken zu schließen.",
                        ],
                    },
                ],
            },
            {
                "id": "isel-soforthilfe",
                "start": "2023-06-08T12:00",
                "extra": "Anträge können ab Montag bei den Landratsämtern gestellt werden.",
                "texts": [
                    {
                        "title": "Freistaat zahlt 50 Millionen Euro Soforthilfe für Hochwasseropfer",
                        "paras": [
                            "Die bayerische Staatsregierung stellt für die Opfer des Isel-Hochwassers 50 Millionen Euro Soforthilfe bereit. Private Haushalte erhalten bis zu 5.000 Euro, Betriebe bis zu 50.000 Euro, beschloss das Kabinett am Donnerstag in München.",
                            "„Niemand soll mit seinen Schäden allein gelassen werden“, sagte Ministerpräsident Martin Leitner bei einem Besuch in Oberfeld. Das Geld solle unbürokratisch fließen.",
                            "Nach Schätzungen der Landkreise sind mehr als 3.000 Gebäude beschädigt.",
                        ],
                    },
                    {
                        "title": "Hilfe für Flutgebiete: Bis zu 5.000 Euro pro Haushalt",
                        "paras": [
                            "Betroffene des Hochwassers an der Isel können auf schnelle Hilfe hoffen. Das Kabinett in München gab 50 Millionen Euro frei.",
                            "Ministerpräsident Martin Leitner versprach in Oberfeld, niemand werde mit seinen Schäden allein gelassen. Haushalte bekommen bis zu 5.000 Euro, Unternehmen bis zu 50.000 Euro.",
                        ],
                    },
                ],
            },
        ],
    },
]

STORYLINES += [
    {
        "id": "nato-ostflanke",
        "stories": [
            {
                "id": "nato-minister",
                "start": "2023-10-11T10:00",
                "extra": "Die Beratungen der Minister sollen am Donnerstag mit einer Sitzung zur Ukraine fortgesetzt werden.",
                "texts": [
                    {
                        "title": "Nato-Verteidigungsminister beraten über Ostflanke",
                        "paras": [
                            "Die Verteidigungsminister der Nato sind am Mittwoch in Brüssel zusammengekommen, um über eine dauerhafte Verstärkung der Ostflanke zu beraten. Nato-Generalsekretär Lars Eklund schlug vor, in Polen und den baltischen Staaten zusätzliche Brigaden zu stationieren.",
                            "„Abschreckung funktioniert nur, wenn sie glaubwürdig ist“, sagte Eklund vor Beginn des Treffens. Dazu gehörten auch mehr Munition und eine bessere Luftverteidigung.",
                            "Mehrere Staaten drängten darauf, die Verteidigungsausgaben über zwei Prozent der Wirtschaftsleistung anzuheben. Eine Entscheidung soll beim Gipfel in Riga fallen.",
                        ],
                    },
                    {
                        "title": "Eklund will mehr Brigaden an der Ostgrenze",
                        "paras": [
                            "Mehr Soldaten, mehr Munition, mehr Luftabwehr: Mit diesen Forderungen hat Nato-Generalsekretär Lars Eklund das Ministertreffen in Brüssel eröffnet.",
                            "Abschreckung funktioniere nur, wenn sie glaubwürdig sei, sagte der Generalsekretär. Er schlug zusätzliche Brigaden für Polen und das Baltikum vor.",
                            "Die endgültige Entscheidung überlassen die Minister den Staats- und Regierungschefs beim Gipfel in Riga.",
                        ],
                    },
                ],
            },
            {
                "id": "nato-gipfel-riga",
                "start": "2023-10-25T09:00",
                "extra": "Der nächste Gipfel der Allianz ist für den Sommer in Lissabon geplant.",
                "texts": [
                    {
                        "title": "Nato-Gipfel in Riga beschließt neue Brigaden",
                        "paras": [
                            "Die Staats- und Regierungschefs der Nato haben bei ihrem Gipfel in Riga die Stationierung von vier zusätzlichen Brigaden an der Ostflanke beschlossen. Zudem verpflichteten sich die Mitglieder, mindestens 2,5 Prozent ihrer Wirtschaftsleistung für Verteidigung auszugeben.",
                            "„Wir sind das stärkste Bündnis der Welt, und heute haben wir es noch stärker gemacht“, sagte Generalsekretär Lars Eklund zum Abschluss des Treffens am Mittwoch. Lettlands Präsident Valdis Ozols sprach von einem historischen Tag für das Baltikum.",
                            "Die ersten Truppen sollen im kommenden Frühjahr verlegt werden.",
                        ],
                    },
                    {
                        "title": "Historischer Tag für das Baltikum: Gipfel stärkt Ostflanke",
                        "paras": [
                            "Vier neue Brigaden und ein höheres Ausgabenziel: Der Nato-Gipfel in der lettischen Hauptstadt Riga ist mit weitreichenden Beschlüssen zu Ende gegangen.",
                            "Generalsekretär Lars Eklund sagte, die Nato sei das stärkste Bündnis der Welt und habe sich in Riga noch stärker gemacht. Gastgeber Valdis Ozols nannte den Gipfel historisch.",
                            "Künftig sollen alle Mitglieder mindestens 2,5 Prozent der Wirtschaftsleistung in die Verteidigung stecken.",
                        ],
                    },
                ],
            },
            {
                "id": "nato-manoever",
                "start": "2023-11-06T08:00",
                "extra": "Anwohner in Küstennähe müssen in den kommenden Tagen mit Lärm durch Tiefflüge rechnen.",
                "texts": [
                    {
                        "title": "Großmanöver „Nordwind“ in der Ostsee beginnt",
                        "paras": [
                            "Mit rund 15.000 Soldaten aus 20 Ländern hat am Montag das Nato-Manöver „Nordwind“ im Ostseeraum begonnen. Geübt wird bis Ende November die Verteidigung der baltischen Staaten zu Land, zu Wasser und in der Luft.",
                            "„Wir zeigen, dass wir jeden Zentimeter des Bündnisgebiets verteidigen können“, sagte der Kommandeur der Übung, der dänische General Henrik Dahl. Auch die Bundeswehr beteiligt sich mit etwa 2.000 Soldaten und mehreren Schiffen.",
                            "Russland kritisierte das Manöver als Provokation.",
                        ],
                    },
                    {
                        "title": "15.000 Soldaten üben im Baltikum",
                        "paras": [
                            "Panzer in Litauen, Fregatten vor Estland: Die Nato probt mit dem Manöver „Nordwind“ den Ernstfall im Ostseeraum.",
                            "General Henrik Dahl, der die Übung leitet, sagte, das Bündnis zeige, dass es jeden Zentimeter seines Gebiets verteidigen könne. Die Bundeswehr schickt rund 2.000 Soldaten.",
                            "Moskau sprach von einer Provokation.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "heizungsgesetz",
        "stories": [
            {
                "id": "heizung-kabinett",
                "start": "2023-04-19T12:30",
                "extra": "Für Eigentümer über 80 Jahre sind Ausnahmen vorgesehen.",
                "texts": [
                    {
                        "title": "Kabinett beschließt Heizungsgesetz",
                        "paras": [
                            "Das Bundeskabinett hat am Mittwoch den Entwurf für das neue Gebäudeenergiegesetz beschlossen. Ab 2025 soll jede neu eingebaute Heizung zu mindestens 65 Prozent mit erneuerbaren Energien betrieben werden.",
                            "„Wir geben den Menschen Planungssicherheit und unterstützen sie beim Umstieg“, sagte Bauministerin Petra Lindner. Für den Austausch alter Öl- und Gasheizungen soll es Zuschüsse von bis zu 40 Prozent geben.",
                            "Die Opposition kritisierte den Entwurf als übereilt. Bestehende Heizungen dürfen weiter betrieben und repariert werden.",
                        ],
                    },
                    {
                        "title": "65-Prozent-Regel: Was das Heizungsgesetz vorsieht",
                        "paras": [
                            "Neue Heizungen müssen ab 2025 zu 65 Prozent mit erneuerbarer Energie laufen – so steht es im Gesetzentwurf, den das Kabinett am Mittwoch gebilligt hat.",
                            "Bauministerin Petra Lindner sagte, die Regierung gebe den Menschen Planungssicherheit. Wer eine alte Gasheizung ersetzt, kann bis zu 40 Prozent Förderung bekommen.",
                            "Alte Anlagen dürfen weiterlaufen, solange sie funktionieren.",
                        ],
                    },
                ],
            },
            {
                "id": "heizung-lesung",
                "start": "2023-05-11T15:00",
                "extra": "Der Bundesrat wird sich voraussichtlich im Juli mit dem Gesetz befassen.",
                "texts": [
                    {
                        "title": "Hitzige Debatte über Heizungsgesetz im Bundestag",
                        "paras": [
                            "In erster Lesung hat der Bundestag am Donnerstag über das Gebäudeenergiegesetz debattiert. Die Opposition warf der Koalition vor, Hausbesitzer zu überfordern, und verlangte längere Übergangsfristen.",
                            "„Dieses Gesetz treibt die Menschen in die Verzweiflung“, sagte der Unionsabgeordnete Rainer Falk. Bauministerin Petra Lindner hielt dagegen, ohne Wärmewende seien die Klimaziele nicht zu erreichen.",
                            "Der Entwurf wird nun in den Ausschüssen beraten. Die Koalition will das Gesetz vor der Sommerpause verabschieden.",
                        ],
                    },
                    {
                        "title": "Falk: Heizungsgesetz überfordert Hausbesitzer",
                        "paras": [
                            "Scharfer Schlagabtausch im Parlament: Bei der ersten Lesung des Heizungsgesetzes warf die Opposition der Regierung vor, die Bürger zu überfordern.",
                            "Unionspolitiker Rainer Falk sagte, das Gesetz treibe die Menschen in die Verzweiflung. Ministerin Petra Lindner verteidigte die Pläne als notwendig für den Klimaschutz.",
                            "Verabschiedet werden soll das Gesetz noch vor der Sommerpause.",
                        ],
                    },
                ],
            },
            {
                "id": "heizung-verbaende",
                "start": "2023-05-24T10:00",
                "extra": "Die Antragsformulare sollen ab dem Herbst online abrufbar sein.",
                "texts": [
                    {
                        "title": "Verbände halten Heizungsförderung für zu knapp",
                        "paras": [
                            "Sozial- und Mieterverbände haben die geplante Förderung für neue Heizungen als unzureichend kritisiert. Vor allem Haushalte mit geringem Einkommen könnten sich eine Wärmepumpe trotz Zuschuss nicht leisten, erklärten sie am Mittwoch in einer gemeinsamen Stellungnahme.",
                            "„Die Förderung muss sich am Einkommen orientieren, nicht am Gerät“, sagte die Präsidentin des Mieterbunds, Ulrike Sander. Sie forderte einen Zuschuss von bis zu 70 Prozent für Geringverdiener.",
                            "Das Bauministerium kündigte an, die Vorschläge zu prüfen.",
                        ],
                    },
                    {
                        "title": "Mieterbund fordert 70 Prozent Zuschuss für Geringverdiener",
                        "paras": [
                            "Die geplante Heizungsförderung reicht nach Ansicht mehrerer Verbände nicht aus. Familien mit kleinem Einkommen blieben auf hohen Kosten sitzen.",
                            "Mieterbund-Präsidentin Ulrike Sander sagte, die Förderung müsse sich am Einkommen orientieren. Wer wenig verdient, solle bis zu 70 Prozent erstattet bekommen.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "fc-wellingen",
        "stories": [
            {
                "id": "wellingen-entlassung",
                "start": "2023-09-03T19:00",
                "extra": "Co-Trainer Jannik Reuter leitet vorerst das Training.",
                "texts": [
                    {
                        "title": "FC Wellingen trennt sich von Trainer Kessler",
                        "paras": [
                            "Der Zweitligist FC Wellingen hat Trainer Dirk Kessler nach dem fünften sieglosen Spiel in Folge entlassen. Das teilte der Verein am Sonntagabend mit, einen Tag nach der 0:3-Heimniederlage gegen Eintracht Grünhain.",
                            "„Wir brauchen einen neuen Impuls, um die Klasse zu halten“, sagte Sportdirektor Thomas Wendt. Die Entscheidung sei ihm nicht leichtgefallen.",
                            "Kessler war erst im Sommer aus Österreich nach Wellingen gewechselt. Der Club steht mit vier Punkten auf dem vorletzten Tabellenplatz.",
                        ],
                    },
                    {
                        "title": "Nach 0:3 gegen Grünhain: Kessler muss gehen",
                        "paras": [
                            "Das Kapitel Dirk Kessler ist in Wellingen nach nur fünf Spieltagen beendet. Der FC zog nach der deutlichen Niederlage gegen Grünhain die Reißleine.",
                            "Sportdirektor Thomas Wendt sprach von einem nötigen neuen Impuls im Abstiegskampf. Die Trennung sei ihm schwergefallen.",
                            "Mit vier Punkten steht Wellingen auf Rang 17.",
                        ],
                    },
                ],
            },
            {
                "id": "wellingen-neuer-trainer",
                "start": "2023-09-06T11:00",
                "extra": "Zum Trainerteam gehört auch der frühere Wellinger Torwart Sven Matthes.",
                "texts": [
                    {
                        "title": "Martina Lohse wird neue Trainerin in Wellingen",
                        "paras": [
                            "Der FC Wellingen hat Martina Lohse als Nachfolgerin von Dirk Kessler vorgestellt. Die 41-Jährige ist die erste Frau als Cheftrainerin im deutschen Profifußball der Männer und erhält einen Vertrag bis 2025.",
                            "„Ich weiß, dass viele genau hinschauen werden. Mich interessiert nur der Klassenerhalt“, sagte Lohse bei ihrer Vorstellung am Mittwoch. Zuletzt hatte sie die U23 des Vereins trainiert.",
                            "Sportdirektor Thomas Wendt lobte ihre Arbeit mit jungen Spielern.",
                        ],
                    },
                    {
                        "title": "Premiere im Profifußball: Lohse übernimmt",
                        "paras": [
                            "Erstmals führt eine Frau ein Männerteam im deutschen Profifußball: Martina Lohse ist neue Cheftrainerin des FC Wellingen.",
                            "Lohse sagte bei ihrer Vorstellung, sie wisse, dass viele genau hinschauen würden. Sie interessiere aber nur der Klassenerhalt. Die frühere U23-Trainerin unterschrieb bis 2025.",
                        ],
                    },
                ],
            },
            {
                "id": "wellingen-erstes-spiel",
                "start": "2023-09-16T15:30",
                "extra": "Das nächste Spiel bestreitet Wellingen am Freitag auswärts in Bergheim.",
                "texts": [
                    {
                        "title": "Traumstart für Lohse: Wellingen gewinnt 2:1",
                        "paras": [
                            "Im ersten Spiel unter Trainerin Martina Lohse hat der FC Wellingen den ersten Saisonsieg gefeiert. Vor 18.000 Zuschauern setzte sich die Mannschaft am Samstag mit 2:1 gegen den SV Hafenstadt durch.",
                            "Stürmer Kai Brenner traf in der 88. Minute zum Sieg. „Die Mannschaft hat unglaublich viel investiert“, sagte Lohse nach dem Abpfiff.",
                            "Wellingen verlässt damit vorerst die Abstiegsplätze.",
                        ],
                    },
                    {
                        "title": "Brenner köpft Wellingen zum ersten Sieg",
                        "paras": [
                            "Kai Brenner hat Martina Lohse ein perfektes Debüt beschert. Sein Kopfball kurz vor Schluss brachte den 2:1-Erfolg gegen Hafenstadt.",
                            "Lohse lobte nach dem Spiel den enormen Einsatz ihrer Mannschaft. Die Fans feierten die neue Trainerin mit Sprechchören.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "cyberangriff-marstadt",
        "stories": [
            {
                "id": "marstadt-angriff",
                "start": "2023-11-02T08:00",
                "extra": "Bürgerinnen und Bürger werden gebeten, nicht vereinbarte Termine vorerst zu verschieben.",
                "texts": [
                    {
                        "title": "Hackerangriff legt Verwaltung in Marstadt lahm",
                        "paras": [
                            "Ein Cyberangriff hat die Stadtverwaltung von Marstadt weitgehend lahmgelegt. Seit Donnerstagmorgen sind Bürgerbüro, Kfz-Zulassung und Standesamt geschlossen, die Mitarbeiter haben keinen Zugriff auf ihre Rechner.",
                            "„Wir haben alle Systeme vorsorglich vom Netz genommen“, sagte Oberbürgermeister Frank Steiner. Die Polizei und das Landeskriminalamt ermitteln.",
                            "Ob Daten von Bürgern abgeflossen sind, ist noch unklar.",
                        ],
                    },
                    {
                        "title": "Nichts geht mehr im Marstädter Rathaus",
                        "paras": [
                            "Geschlossene Türen im Bürgerbüro: Nach einem Hackerangriff arbeitet die Verwaltung von Marstadt seit Donnerstag praktisch ohne Computer.",
                            "Oberbürgermeister Frank Steiner sagte, die Stadt habe sämtliche Systeme vorsorglich abgeschaltet. Das Landeskriminalamt hat die Ermittlungen übernommen.",
                            "Ob persönliche Daten betroffen sind, kann die Stadt noch nicht sagen.",
                        ],
                    },
                ],
            },
            {
                "id": "marstadt-loesegeld",
                "start": "2023-11-05T14:00",
                "extra": "Das Bundesamt für Sicherheit in der Informationstechnik unterstützt die Stadt mit einem Team vor Ort.",
                "texts": [
                    {
                        "title": "Hacker fordern Lösegeld von Marstadt",
                        "paras": [
                            "Die Angreifer auf die Stadtverwaltung von Marstadt verlangen ein Lösegeld in Kryptowährung. Das bestätigte das Landeskriminalamt am Sonntag. Die Täter drohen, erbeutete Daten im Internet zu veröffentlichen.",
                            "„Wir werden nicht zahlen“, sagte Oberbürgermeister Frank Steiner. Man lasse sich nicht erpressen. Nach ersten Erkenntnissen handelt es sich um eine bekannte Gruppe, die weltweit Behörden angreift.",
                            "Betroffen sein könnten Daten von rund 60.000 Einwohnern.",
                        ],
                    },
                    {
                        "title": "Erpressung: Steiner lehnt Zahlung ab",
                        "paras": [
                            "Marstadt soll zahlen – doch die Stadt bleibt hart. Die Hacker, die das Rathaus lahmgelegt haben, fordern Lösegeld und drohen mit der Veröffentlichung von Daten.",
                            "Oberbürgermeister Frank Steiner sagte, die Stadt werde nicht zahlen und lasse sich nicht erpressen. Das LKA vermutet eine international aktive Bande hinter der Tat.",
                        ],
                    },
                ],
            },
            {
                "id": "marstadt-wieder-online",
                "start": "2023-11-20T09:00",
                "extra": "Die Stadt will in den kommenden Monaten zusätzliche IT-Fachleute einstellen.",
                "texts": [
                    {
                        "title": "Marstadt nach Cyberangriff wieder erreichbar",
                        "paras": [
                            "Knapp drei Wochen nach dem Hackerangriff ist die Verwaltung von Marstadt wieder arbeitsfähig. Seit Montag sind Bürgerbüro und Zulassungsstelle geöffnet, die Rechner wurden komplett neu aufgesetzt.",
                            "„Wir haben aus dem Angriff gelernt und investieren zwei Millionen Euro in die IT-Sicherheit“, sagte Oberbürgermeister Frank Steiner. Bei Terminen sei noch mit Wartezeiten zu rechnen.",
                            "Die Ermittlungen gegen die Täter dauern an.",
                        ],
                    },
                    {
                        "title": "Rathaus öffnet wieder – mit Wartezeiten",
                        "paras": [
                            "Nach fast drei Wochen Stillstand öffnet das Marstädter Rathaus wieder seine Türen. Alle Computer wurden neu eingerichtet.",
                            "Oberbürgermeister Frank Steiner kündigte an, zwei Millionen Euro in die IT-Sicherheit zu stecken. Wer einen Termin braucht, muss sich noch gedulden.",
                        ],
                    },
                ],
            },
        ],
    },
]

STORYLINES += [
    {
        "id": "waldbrand-brandenburg",
        "stories": [
            {
                "id": "brand-jueterfeld",
                "start": "2023-07-18T14:00",
                "extra": "Die Polizei warnt Schaulustige davor, mit dem Auto in das Gebiet zu fahren.",
                "texts": [
                    {
                        "title": "Großer Waldbrand bei Jüterfeld",
                        "paras": [
                            "Bei Jüterfeld im Süden Brandenburgs brennt seit Dienstagmittag ein Kiefernwald auf einer Fläche von rund 120 Hektar. Mehr als 300 Feuerwehrleute sind im Einsatz, unterstützt von zwei Löschhubschraubern.",
                            "„Der trockene Boden und der Wind machen uns das Leben schwer“, sagte Einsatzleiter Ralf Schöning. Wegen alter Munition im Boden könnten die Helfer nicht überall direkt an die Flammen heran.",
                            "Die Bundesstraße 101 ist zwischen Jüterfeld und Sandau gesperrt. Über der Region liegt eine weithin sichtbare Rauchwolke.",
                        ],
                    },
                    {
                        "title": "120 Hektar in Flammen – Munition erschwert Löscharbeiten",
                        "paras": [
                            "Rauch über dem Fläming: Nahe Jüterfeld kämpfen Hunderte Einsatzkräfte gegen einen ausgedehnten Waldbrand.",
                            "Einsatzleiter Ralf Schöning sagte, Trockenheit und Wind erschwerten die Arbeit. Weil im Boden alte Munition liegt, müssen die Feuerwehrleute Abstand halten.",
                            "Die B101 bleibt bis auf Weiteres gesperrt.",
                        ],
                    },
                ],
            },
            {
                "id": "brand-treuenbrueck",
                "start": "2023-07-26T16:00",
                "extra": "Im Landkreis gilt die höchste Waldbrandwarnstufe, Grillen im Freien ist verboten.",
                "texts": [
                    {
                        "title": "Neuer Waldbrand: Treuenbrück evakuiert",
                        "paras": [
                            "Eine Woche nach dem Feuer bei Jüterfeld ist in Brandenburg erneut ein großer Waldbrand ausgebrochen. Wegen der Flammen nahe Treuenbrück im Landkreis Potsdam-Mittelmark mussten am Mittwoch rund 500 Einwohner ihre Häuser verlassen.",
                            "„Die Flammen waren zeitweise nur noch 200 Meter vom Ortsrand entfernt“, sagte Kreisbrandmeisterin Jana Polzin. Die Bewohner kamen in einer Turnhalle im Nachbarort unter.",
                            "Das Feuer erfasste nach ersten Schätzungen etwa 80 Hektar Wald.",
                        ],
                    },
                    {
                        "title": "Flammen 200 Meter vor dem Dorf",
                        "paras": [
                            "Die Einwohner von Treuenbrück durften am Mittwochabend nur das Nötigste mitnehmen. Ein Waldbrand rückte bis auf wenige Hundert Meter an den Ort heran.",
                            "Kreisbrandmeisterin Jana Polzin sagte, die Flammen seien zeitweise nur 200 Meter vom Ortsrand entfernt gewesen. Etwa 500 Menschen verbrachten die Nacht in einer Turnhalle.",
                        ],
                    },
                ],
            },
            {
                "id": "brand-festnahme",
                "start": "2023-08-03T12:00",
                "extra": "Hinweise nimmt die Polizeidirektion West weiterhin entgegen.",
                "texts": [
                    {
                        "title": "Brandstiftung? Verdächtiger nach Waldbränden festgenommen",
                        "paras": [
                            "Nach den Waldbränden bei Jüterfeld und Treuenbrück hat die Polizei einen 34-jährigen Mann festgenommen. Er soll beide Feuer vorsätzlich gelegt haben, teilte die Staatsanwaltschaft Potsdam am Donnerstag mit.",
                            "„Wir haben Spuren an beiden Brandorten gesichert, die zu dem Beschuldigten führen“, sagte Oberstaatsanwalt Michael Grothe. Ein Zeuge hatte den Mann in der Nähe von Treuenbrück gesehen.",
                            "Der Verdächtige sitzt in Untersuchungshaft. Er hat sich zu den Vorwürfen bislang nicht geäußert.",
                        ],
                    },
                    {
                        "title": "34-Jähriger soll Wälder angezündet haben",
                        "paras": [
                            "Die Ermittler sind sicher: Die beiden großen Waldbrände in Brandenburg waren kein Zufall. Ein 34-Jähriger sitzt wegen Brandstiftung in Untersuchungshaft.",
                            "Oberstaatsanwalt Michael Grothe sagte, an beiden Brandorten seien Spuren gesichert worden, die zu dem Mann führten. Ein Zeuge hatte ihn nahe Treuenbrück beobachtet.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "ob-wahl-feldstadt",
        "stories": [
            {
                "id": "feldstadt-tv-duell",
                "start": "2023-10-02T21:30",
                "extra": "Eine Aufzeichnung des Duells ist in der Mediathek des Senders abrufbar.",
                "texts": [
                    {
                        "title": "TV-Duell in Feldstadt: Streit um Straßenbahn und Mieten",
                        "paras": [
                            "Eine Woche vor der Oberbürgermeisterwahl in Feldstadt haben sich Amtsinhaberin Claudia Berger und ihr Herausforderer Tobias Rehm ein lebhaftes Fernsehduell geliefert. Im Mittelpunkt standen der geplante Ausbau der Straßenbahn und die steigenden Mieten.",
                            "„Feldstadt braucht bezahlbare Wohnungen und keine Luftschlösser“, sagte Rehm. Berger entgegnete, die Straßenbahn sei das wichtigste Verkehrsprojekt der Stadt seit Jahrzehnten.",
                            "Nach einer Umfrage liegen beide Kandidaten nahezu gleichauf.",
                        ],
                    },
                    {
                        "title": "Berger gegen Rehm: Schlagabtausch vor der Wahl",
                        "paras": [
                            "Straßenbahn oder Wohnungsbau? Im Fernsehduell vor der OB-Wahl in Feldstadt zeigten Claudia Berger und Tobias Rehm klare Unterschiede.",
                            "Herausforderer Rehm sagte, die Stadt brauche bezahlbare Wohnungen statt Luftschlössern. Oberbürgermeisterin Berger verteidigte die Straßenbahnpläne als Jahrhundertprojekt.",
                        ],
                    },
                ],
            },
            {
                "id": "feldstadt-wahlabend",
                "start": "2023-10-08T19:00",
                "extra": "Die Wahlbeteiligung lag mit 48 Prozent höher als vor acht Jahren.",
                "texts": [
                    {
                        "title": "OB-Wahl in Feldstadt: Berger und Rehm in der Stichwahl",
                        "paras": [
                            "Die Oberbürgermeisterwahl in Feldstadt geht in eine zweite Runde. Amtsinhaberin Claudia Berger kam am Sonntag auf 41,2 Prozent der Stimmen, Herausforderer Tobias Rehm auf 38,7 Prozent.",
                            "„Das Rennen ist offen, und wir werden um jede Stimme kämpfen“, sagte Rehm am Wahlabend im Rathaus. Berger zeigte sich zuversichtlich, die Stichwahl in zwei Wochen zu gewinnen.",
                            "Die übrigen drei Bewerber schieden aus.",
                        ],
                    },
                    {
                        "title": "Knappes Ergebnis: Feldstadt wählt in zwei Wochen erneut",
                        "paras": [
                            "Keiner hat die absolute Mehrheit: In Feldstadt müssen Claudia Berger (41,2 Prozent) und Tobias Rehm (38,7 Prozent) in die Stichwahl.",
                            "Rehm sagte, das Rennen sei offen und er werde um jede Stimme kämpfen. Die Amtsinhaberin gab sich zuversichtlich.",
                        ],
                    },
                ],
            },
            {
                "id": "feldstadt-stichwahl",
                "start": "2023-10-22T19:30",
                "extra": "Die neue Amtszeit beginnt am 1. Januar und dauert acht Jahre.",
                "texts": [
                    {
                        "title": "Rehm gewinnt Stichwahl in Feldstadt",
                        "paras": [
                            "Tobias Rehm wird neuer Oberbürgermeister von Feldstadt. Der 44-Jährige setzte sich am Sonntag in der Stichwahl mit 52,8 Prozent gegen Amtsinhaberin Claudia Berger durch.",
                            "„Heute hat sich Feldstadt für bezahlbares Wohnen entschieden“, sagte Rehm vor jubelnden Anhängern. Berger gratulierte ihrem Nachfolger und sprach von einer fairen Wahl.",
                            "Ob die Straßenbahn wie geplant gebaut wird, ließ Rehm offen.",
                        ],
                    },
                    {
                        "title": "Machtwechsel im Rathaus: Berger unterliegt knapp",
                        "paras": [
                            "Nach acht Jahren endet die Amtszeit von Claudia Berger. In der Stichwahl holte Herausforderer Tobias Rehm 52,8 Prozent.",
                            "Rehm sagte, Feldstadt habe sich für bezahlbares Wohnen entschieden. Berger gratulierte und nannte die Wahl fair.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "fiebersaft",
        "stories": [
            {
                "id": "fiebersaft-engpass",
                "start": "2023-12-01T07:00",
                "extra": "Kinderärzte raten Eltern, Medikamente nicht auf Vorrat zu kaufen.",
                "texts": [
                    {
                        "title": "Apotheken melden Engpässe bei Fiebersaft für Kinder",
                        "paras": [
                            "Mitten in der Erkältungssaison wird Fiebersaft für Kinder knapp. Nach einer Umfrage des Apothekerverbands haben mehr als zwei Drittel der Apotheken Schwierigkeiten, Säfte mit Ibuprofen oder Paracetamol zu bekommen.",
                            "„Wir telefonieren jeden Tag Großhändlern hinterher“, sagte Verbandssprecherin Nadine Köhler. Apotheken stellten inzwischen selbst Säfte her, was aber viel Zeit koste.",
                            "Als Grund nennen Hersteller die niedrigen Preise in Deutschland und Probleme bei Wirkstoff-Lieferungen aus Asien.",
                        ],
                    },
                    {
                        "title": "Kein Fiebersaft: Eltern laufen von Apotheke zu Apotheke",
                        "paras": [
                            "Wer ein krankes Kind zu Hause hat, sucht derzeit oft vergeblich nach Fiebersaft. Zwei von drei Apotheken berichten über Lieferprobleme.",
                            "Sprecherin Nadine Köhler sagte, die Apotheken telefonierten täglich den Großhändlern hinterher. Manche rühren die Säfte inzwischen selbst an.",
                            "Hersteller verweisen auf niedrige Preise und fehlende Wirkstoffe aus Asien.",
                        ],
                    },
                ],
            },
            {
                "id": "fiebersaft-minister",
                "start": "2023-12-07T11:30",
                "extra": "Das Gesetz soll im Frühjahr in den Bundestag eingebracht werden.",
                "texts": [
                    {
                        "title": "Gesundheitsminister will Preisregeln für Kinderarznei lockern",
                        "paras": [
                            "Bundesgesundheitsminister Stefan Auer will mit höheren Preisen für Kindermedikamente gegen Lieferengpässe vorgehen. Krankenkassen sollen künftig bis zu 50 Prozent mehr für Fiebersäfte und Antibiotika zahlen dürfen, kündigte er am Donnerstag in Berlin an.",
                            "„Wir haben die Preise so weit gedrückt, dass sich die Produktion in Europa nicht mehr lohnt“, sagte Auer. Zudem sollen Hersteller verpflichtet werden, Vorräte für sechs Monate anzulegen.",
                            "Die Krankenkassen warnten vor steigenden Beiträgen.",
                        ],
                    },
                    {
                        "title": "Auer: Produktion von Arzneien muss sich wieder lohnen",
                        "paras": [
                            "Mehr Geld für Fiebersaft und Antibiotika: Minister Stefan Auer will die Preisregeln für Kinderarzneien lockern, um Engpässe zu beenden.",
                            "Man habe die Preise so weit gedrückt, dass sich die Herstellung in Europa nicht mehr lohne, sagte Auer. Firmen sollen Vorräte für ein halbes Jahr halten.",
                            "Die Kassen fürchten höhere Beiträge.",
                        ],
                    },
                ],
            },
            {
                "id": "fiebersaft-produktion",
                "start": "2023-12-15T09:00",
                "extra": "Die ersten zusätzlichen Flaschen sollen noch vor Weihnachten in die Apotheken kommen.",
                "texts": [
                    {
                        "title": "Hersteller verdoppelt Produktion von Fiebersaft",
                        "paras": [
                            "Der Arzneimittelhersteller Pharmawerk Lindenau will die Produktion von Fiebersaft für Kinder verdoppeln. Im Werk in Thüringen werde ab sofort in drei Schichten gearbeitet, teilte das Unternehmen am Freitag mit.",
                            "„Wir reagieren auf die angekündigten neuen Preisregeln“, sagte Geschäftsführer Jürgen Vogt. Monatlich sollen künftig 1,5 Millionen Flaschen das Werk verlassen.",
                            "Apotheker begrüßten den Schritt, warnten aber, dass sich die Lage erst im neuen Jahr entspannen werde.",
                        ],
                    },
                    {
                        "title": "Drei Schichten gegen den Mangel",
                        "paras": [
                            "Gute Nachrichten für Eltern: Pharmawerk Lindenau fährt die Produktion von Fiebersaft in Thüringen hoch und arbeitet künftig rund um die Uhr.",
                            "Geschäftsführer Jürgen Vogt sagte, man reagiere auf die neuen Preisregeln. 1,5 Millionen Flaschen im Monat seien geplant.",
                        ],
                    },
                ],
            },
        ],
    },
    {
        "id": "ezb-zinsen",
        "stories": [
            {
                "id": "ezb-juli",
                "start": "2023-07-27T14:15",
                "extra": "Die nächste Sitzung des EZB-Rats ist für Mitte September angesetzt.",
                "texts": [
                    {
                        "title": "EZB erhöht Leitzins auf 4,25 Prozent",
                        "paras": [
                            "Die Europäische Zentralbank hat den Leitzins im Euroraum erneut angehoben, um 0,25 Prozentpunkte auf 4,25 Prozent. Es ist die neunte Erhöhung in Folge, teilte die Notenbank am Donnerstag in Frankfurt mit.",
                            "„Die Inflation ist weiterhin zu hoch und wird zu lange zu hoch bleiben“, sagte EZB-Präsidentin Helena Marquart. Ob weitere Schritte folgen, ließ sie offen.",
                            "Ökonomen rechnen damit, dass das Ende des Zinsanstiegs bald erreicht ist.",
                        ],
                    },
                    {
                        "title": "Neunte Zinserhöhung in Folge",
                        "paras": [
                            "Kredite werden noch teurer: Die EZB schraubt den Leitzins um einen Viertelpunkt auf 4,25 Prozent nach oben.",
                            "Präsidentin Helena Marquart begründete den Schritt mit der hartnäckigen Inflation, die zu lange zu hoch bleibe. Weitere Erhöhungen schloss sie nicht aus.",
                        ],
                    },
                ],
            },
            {
                "id": "ezb-september",
                "start": "2023-09-14T14:15",
                "extra": "An den Börsen stiegen die Kurse nach der Entscheidung leicht.",
                "texts": [
                    {
                        "title": "EZB hebt Zinsen an – und deutet Pause an",
                        "paras": [
                            "Die Europäische Zentralbank hat den Leitzins ein zehntes Mal in Folge erhöht, auf nun 4,5 Prozent. Zugleich signalisierte EZB-Präsidentin Helena Marquart am Donnerstag, dass der Höhepunkt erreicht sein könnte.",
                            "„Wir glauben, dass die Zinsen ein Niveau erreicht haben, das lange genug gehalten einen wesentlichen Beitrag leisten wird“, sagte Marquart. Die Inflation im Euroraum lag zuletzt bei 5,3 Prozent.",
                            "Die Notenbank senkte ihre Wachstumsprognose für das laufende Jahr auf 0,7 Prozent.",
                        ],
                    },
                    {
                        "title": "Leitzins bei 4,5 Prozent: Ende der Erhöhungen in Sicht",
                        "paras": [
                            "Zum zehnten Mal hintereinander steigen die Zinsen im Euroraum. Doch EZB-Präsidentin Helena Marquart deutet eine Pause an.",
                            "Die Zinsen hätten ein Niveau erreicht, das – lange genug gehalten – wesentlich zur Senkung der Inflation beitrage, sagte Marquart. Die Wachstumsprognose kappte die EZB auf 0,7 Prozent.",
                        ],
                    },
                ],
            },
            {
                "id": "ezb-sparzinsen",
                "start": "2023-09-20T10:00",
                "extra": "Verbraucherschützer empfehlen, Angebote verschiedener Banken zu vergleichen.",
                "texts": [
                    {
                        "title": "Sparkassen erhöhen Zinsen für Tagesgeld",
                        "paras": [
                            "Nach der jüngsten Zinsentscheidung der EZB geben erste Sparkassen und Volksbanken höhere Zinsen an ihre Kunden weiter. Für Tagesgeld zahlen einige Institute nun bis zu 2,5 Prozent, für Festgeld über zwei Jahre bis zu 3,5 Prozent.",
                            "„Sparer profitieren endlich von der Zinswende“, sagte Bankenexpertin Doris Hain von der Verbraucherzentrale. Viele Banken ließen sich mit der Weitergabe aber noch immer Zeit.",
                            "Bei Krediten haben die Institute die Zinsen deutlich schneller angehoben.",
                        ],
                    },
                    {
                        "title": "Tagesgeld mit 2,5 Prozent: Banken locken Sparer",
                        "paras": [
                            "Endlich wieder Zinsen aufs Ersparte: Nach der Zinserhöhung der EZB heben mehrere Sparkassen die Sätze für Tages- und Festgeld an.",
                            "Doris Hain von der Verbraucherzentrale sagte, Sparer profitierten endlich von der Zinswende. Doch viele Banken zögerten noch.",
                        ],
                    },
                ],
            },
        ],
    },
]
