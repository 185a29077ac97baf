# Educational / compliant posts: (key, text, expect, allow, misspelled, style)
# style: c = curly apostrophes, n = French non-breaking spaces, r = CRLF line ends
EDU = []


def e(key, text, allow=(), miss=(), style=""):
    EDU.append((key, text, [], list(allow), list(miss), style))


e("prep_abdo", """---
title: Abdominoplastie, se préparer
networks: [instagram, facebook]
status: brouillon
---
# Abdominoplastie : comment bien se préparer ?

Une abdominoplastie se prépare plusieurs semaines à l'avance. Voici ce que j'explique à chaque patiente lors de la deuxième consultation.

## Avant l'intervention

- **Arrêt du tabac** au moins six semaines avant l'opération, cigarette électronique comprise.
- **Poids stable** depuis au moins six mois : l'intervention n'est pas une méthode d'amaigrissement.
- **Consultation d'anesthésie** obligatoire, au moins 48 heures avant.
- Pas d'aspirine ni d'anti-inflammatoires dans les dix jours qui précèdent, sauf avis contraire de votre médecin.
- Prévoir une aide à domicile pour la première semaine.

## Après l'intervention

- Lever précoce, dès le soir ou le lendemain, pour limiter le risque de phlébite.
- Gaine de contention jour et nuit pendant quatre à six semaines.
- Pas de port de charges lourdes ni de sport pendant six semaines : un effort trop précoce peut gêner la cicatrisaton.
- Arrêt de travail de deux à quatre semaines selon votre activité.

La cicatrice, située bas sur le ventre, reste rosée plusieurs mois avant de s'éclaircir progressivement ; son aspect final s'apprécie entre 12 et 18 mois.

Une question sur votre situation personnelle ? Elle se discute en consultation, pas en commentaire 🙂
""", miss=["cicatrisaton"], style="cn")

e("complications_augmentation", """# Augmentation mammaire : parlons des complications

Aucune chirurgie n'est sans risque, et l'augmentation mammaire ne fait pas exception. Voici les principales complications, expliquées sans détour.

**Les complications précoces**
- L'hématome : une collection de sang autour de l'implant, qui peut nécessiter une reprise au bloc dans les premiers jours.
- L'infection : rare, mais elle impose parfois de retirer temporairement l'implant.
- Les troubles de la sensibilité du mamelon, le plus souvent transitoires.

**Les complications tardives**
- La coque (contracture capsulaire) : le tissu cicatriciel qui entoure l'implant se rétracte et durcit le sein.
- La rupture ou le suintement de l'implant, qui justifie une surveillance clinique et parfois échographique.
- Le lymphome anaplasique à grandes cellules associé aux implants mammaires, exceptionnel, décrit surtout avec les implants texturés.

Un implant mammaire n'est pas posé pour la vie : une ou plusieurs réinterventions au cours de l'existence sont fréquentes.

Personne ne peut vous promettre qu'aucune de ces complications ne surviendra. Ce que l'on peut faire, c'est réduire les risques : bilan préopératoire, arrêt du tabac, respect des consignes, suivi régulier.

Pour en savoir plus : [la page de l'ANSM sur les implants mammaires](https://ansm.sante.fr/dossiers-thematiques/implants-mammaires).
""", style="c")

e("rhino_attentes", """Rhinoplastie : personne ne peut vous garantir le nez que vous avez en tête. Le résultat dépend de l'épaisseur de votre peau, de la solidité des cartilages et de la cicatrisation, qui varie d'une personne à l'autre. Le gonflement de la pointe peut persister plus d'un an. C'est pour cela que je prends le temps, en consultation, de confronter vos attentes à ce qui est réalisable.
""")

e("pas_sponsorise", """Ce post n'est pas sponsorisé et je n'ai aucun lien d'intérêts avec un fabricant.

On me demande souvent quelle crème appliquer sur une cicatrice. Les gels et pansements à base de silicone sont les seuls produits dont l'intérêt est documenté pour limiter les cicatrices épaisses (hypertrophiques). Ils s'utilisent une fois la plaie bien fermée, plusieurs heures par jour, pendant deux à trois mois. Votre pharmacien peut vous conseiller : il existe plusieurs marques équivalentes.

Et surtout : protection solaire sur la cicatrice pendant au moins un an ☀️
""", style="n")

e("sans_cicatrice_mythe", """# « Sans cicatrice » : ça n'existe pas

Toute incision de la peau laisse une cicatrice. Ce qui varie, c'est sa longueur, son emplacement et la façon dont elle évolue.

- Le chirurgien choisit autant que possible des zones discrètes : sillon sous-mammaire, pli de l'aisselle, contour de l'aréole, intérieur de la narine.
- La qualité finale dépend beaucoup de votre peau, de votre âge, du tabac et du soleil.
- Une cicatrice évolue pendant 12 à 18 mois : rouge et parfois gonflée au début, elle s'assouplit et pâlit ensuite.

Quand une publicité promet une intervention « sans cicatrice », posez-vous la question : où est l'incision ? Les techniques dites « mini-invasives » laissent des cicatrices plus courtes, pas une absence de cicatrice.
""", style="cn")

e("tourisme_medical", """# Chirurgie à l'étranger : ce qu'il faut savoir avant de partir

Chaque année, nous prenons en charge des patientes opérées à l'étranger qui reviennent avec une complication : infection, désunion de cicatrice, hématome, implant exposé. Je ne juge personne ; mon rôle est de vous informer.

Méfiez-vous des offres à prix cassés qui regroupent vol, hôtel et intervention dans un même forfait. Posez-vous ces questions :

1. Qui est le chirurgien, et quelle est sa qualification ? Peut-on la vérifier ?
2. Qui vous opère vraiment le jour de l'intervention ?
3. Qui assure le suivi après votre retour, et qui s'occupera d'une éventuelle complication ?
4. Combien de temps restez-vous sur place ? Prendre l'avion dans les jours qui suivent une chirurgie augmente le risque de phlébite et d'embolie pulmonaire.
5. Avez-vous reçu un devis détaillé et disposé d'un vrai délai de réflexion ?

En France, un délai de réflexion de 15 jours minimum sépare la remise du devis signé et toute intervention de chirurgie esthétique. Ce délai n'est pas une formalité : il vous protège.

Si vous êtes déjà partie et que quelque chose vous inquiète (fièvre, écoulement, douleur qui augmente), consultez sans attendre votre médecin traitant ou un service d'urgences.
""", style="c")

e("verifier_qualification", """Comment vérifier la qualification d'un chirurgien ?

1. Consultez l'annuaire du Conseil national de l'Ordre des médecins : la spécialité de chaque médecin y est indiquée.
2. En France, la chirurgie esthétique est pratiquée par les chirurgiens qualifiés en chirurgie plastique, reconstructrice et esthétique et, pour certaines régions du corps, par quelques autres spécialistes (ORL, ophtalmologistes, chirurgiens maxillo-faciaux).
3. « Chirurgien esthétique » n'est pas une spécialité reconnue.
4. Les promesses de résultat garanti doivent vous alerter : en chirurgie, le médecin a une obligation de moyens, pas de résultat.

[Annuaire de l'Ordre des médecins](https://www.conseil-national.medecin.fr/annuaire)
""")

e("meilleure_facon_cicatriser", """Quelle est la meilleure façon de cicatriser après une intervention ? Pas de secret : une plaie propre et sèche, pas de tabac, une alimentation suffisamment riche en protéines et de la patience. Le meilleur moyen de limiter une cicatrice épaisse reste d'éviter les tensions sur la zone pendant les premières semaines.
""", style="n")

e("reduction_mammaire_am", """# Réduction mammaire et Assurance maladie

La réduction mammaire n'est pas qu'un geste esthétique : une poitrine très volumineuse peut entraîner des douleurs du dos et de la nuque, des irritations sous les seins, une gêne pour le sport ou le sommeil.

**Quand est-elle prise en charge ?**
L'Assurance maladie peut prendre en charge l'intervention lorsque les critères de la nomenclature sont remplis, notamment un poids de glande retiré d'au moins 300 grammes par sein. Des dépassements d'honoraires sont possibles selon le secteur d'exercice du chirurgien ; ils vous sont indiqués par écrit avant l'intervention.

**Ce qu'il faut savoir**
- Les cicatrices ont souvent la forme d'un T inversé, ou d'une verticale associée au contour de l'aréole.
- L'allaitement peut être compromis après l'intervention.
- La sensibilité du mamelon peut être modifiée.
- Le résultat dépend aussi de la stabilité de votre poids.

Une réduction mammaire n'est pas une urgence : prenez le temps d'en parler avec votre médecin traitant et de poser toutes vos questions en consultation.
""", style="c")

e("deroule_prise_en_charge", """---
title: Le déroulé d'une prise en charge
networks: [facebook]
status: prêt
---
Comment se déroule une prise en charge en chirurgie esthétique au cabinet ?

1. **Première consultation** : écoute de votre demande, examen, explication de l'intervention, de ses bénéfices attendus et de ses risques.
2. **Remise du devis** détaillé et daté, accompagné d'une note d'information.
3. **Délai de réflexion** : au moins 15 jours entre la remise du devis signé et l'intervention, sans aucune dérogation, même à votre demande.
4. **Deuxième consultaton** pour répondre aux questions qui sont venues entre-temps.
5. **Consultation d'anesthésie**.

Aucun acompte n'est demandé pendant le délai de réflexion.
""", miss=["consultaton"])

e("octobre_rose", """🎀 Octobre rose

En tant que chirurgienne, j'opère des femmes après un cancer du sein ; la promotion de la santé commence pourtant bien avant le bloc opératoire.

Le dépistage organisé du cancer du sein est gratuit pour les femmes de 50 à 74 ans : une mammographie tous les deux ans, prise en charge à 100 % par l'Assurance maladie, sans avance de frais.

Vous n'avez pas reçu votre invitation ? Parlez-en à votre médecin traitant ou à votre gynécologue. Et à tout âge, une boule, une rétraction du mamelon ou un écoulement doivent amener à consulter.

#OctobreRose #dépistage
""", style="n")

e("temoigne_de", """Une cicatrice encore rouge et un peu épaisse trois mois après l'intervention n'a rien d'anormal : cela témoigne d'une cicatrisation toujours active, avec une inflamation qui va s'apaiser peu à peu. Le remodelage se poursuit pendant un an, parfois plus. Si elle devient très épaisse, démange beaucoup ou déborde de l'incision, parlez-en lors de votre consultation de suivi : des traitements existent (pansements siliconés, injections de corticoïdes).
""", miss=["inflamation"], style="c")

e("second_avis", """Vous avez rencontré un chirurgien et vous hésitez encore ? Demander un second avis est un droit, et ce n'est pas un manque de confiance. Un bon indicateur : vous devez ressortir de consultation en ayant compris l'intervention, ses limites et ses risques. Si ce n'est pas le cas, reposez vos questions, ou prenez l'avis d'un autre chirurgien qualifié.
""")

e("echelle_douleur", """Douleur après l'opération : comment l'évaluer ?

À la clinique, l'infirmière vous demandera de noter votre douleur sur une échelle de 0 à 10. Soyez honnête : une note de 6 ou plus doit conduire à adapter le traitement. À la maison, prenez les antalgiques prescrits à heures régulières les premiers jours, plutôt que d'attendre que la douleur s'installe. Une douleur qui augmente après le troisième jour, surtout d'un seul côté, doit vous faire appeler le cabinet.
""", style="cn")

e("signes_alerte", """# Les signes qui doivent vous faire appeler après une chirurgie

- fièvre au-dessus de 38,5 °C ;
- gonflement brutal et douloureux d'un seul côté ;
- écoulement purulent ou odeur anormale de la cicatrice ;
- douleur du mollet, essoufflement ou douleur dans la poitrine.

En journée, appelez le cabinet. La nuit et le week-end, le numéro d'astreinte figure sur votre compte rendu de sortie. En cas d'urgence vitale (difficulté à respirer, malaise), composez le 15.
""")

e("experts_has_implants", """Faut-il retirer ses implants mammaires à titre préventif ?

Non : les experts de la HAS et de l'ANSM ne recommandent pas de retrait préventif en l'absence de symptôme, y compris pour les implants macrotexturés retirés du marché en 2019. Un suivi régulier reste en revanche conseillé : examen clinique et, selon les cas, échographie. Un gonflement tardif du sein, une masse ou une modification de forme doivent amener à consulter.
""", style="c")

e("faq_lipoaspiration", """# Lipoaspiration : vos questions les plus fréquentes

Je réponds ici aux questions que l'on me pose le plus souvent en consultation.

**« Est-ce que ça fait mal ? »**
Les suites sont surtout marquées par des courbatures et des échymoses pendant une à deux semaines. Les antalgiques habituels suffisent le plus souvent.

**« Est-ce que la graisse peut revenir ? »**
Les cellules graisseuses retirées ne se reforment pas, mais celles qui restent peuvent grossir en cas de prise de poids. Une liposuccion ne remplace pas une bonne hygiène de vie.

**« Combien de temps dois-je porter la gaine ? »**
En général quatre à six semaines, jour et nuit au début.

**« Quand verrai-je le résultat ? »**
Il faut attendre trois à six mois pour que l'œdème disparaisse complètement.

**« Est-ce que je peux perdre du poids avec une lipoaspiration ? »**
Non : c'est une intervention de la silhouette, pas un traitement de l'excès de poids.

**« Peut-on traiter plusieurs zones en même temps ? »**
Oui, dans certaines limites de volume et de durée opératoire, pour votre sécurité. Nous en discutons au cas par cas.

Vos autres questions sont les bienvenues en commentaire ; je répondrai de façon générale dans une prochaine publication.
""", miss=["échymoses"], style="cn")

e("honoraires_neutres", """Informations pratiques sur les honoraires

J'exerce en secteur 2. Mes honoraires sont affichés au cabinet et sur mon site. Les actes de chirurgie esthétique ne sont pas remboursés par l'Assurance maladie et sont soumis à la TVA ; le montant exact figure dans le devis détaillé remis en consultation. La consultation de chirurgie esthétique elle-même n'est pas remboursée. Les modes de règlement acceptés sont indiqués à l'accueil.
""")

e("cv_chirurgienne", """Qui suis-je ?

Dr Claire Vasseur, chirurgienne qualifiée en chirurgie plastique, reconstructrice et esthétique.

- Internat à Lille, puis assistante spécialiste au CHU de Rouen
- Ancienne cheffe de clinique des universités – assistante des hôpitaux
- Membre de la SOFCPRE
- Installée en libéral à Caen depuis 2016, secteur 2

Ce compte a une vocation d'information : je n'y donne pas d'avis personnalisé.
""", style="c")

e("congres_sofcpre", """Je serai au congrès annuel de la SOFCPRE à Paris du 20 au 22 novembre, où je présenterai notre travail sur la prévention des phlébites après abdominoplastie. Le cabinet reste ouvert : mon associée assurera les consultations et le suivi post-opératoire.
""")

e("fermeture_ete", """🌴 Fermeture estivale

Le cabinet sera fermé du 4 au 18 août inclus.
Pour les patientes opérées en juillet, le numéro d'astreinte figure sur votre compte rendu de sortie. En cas d'urgence, appelez le 15.

Reprise des consultations le 21 août. Les places de stationnement devant le cabinet étant limitées pendant les travaux de la rue, pensez au tram (arrêt Saint-Roch).
""", style="r")

e("toxine_botulique", """# Toxine botulique : comment ça marche ?

La toxine botulique bloque temporairement la transmission entre le nerf et le muscle. Injectée en très petite quantité, elle diminue la contraction de certains muscles du visage et atténue les rides d'expression (front, rides du lion, pattes d'oie).

- L'effet apparaît en trois à dix jours et dure généralement quatre à six mois.
- Les effets indésirables les plus fréquents sont de petites ecchymoses et des maux de tête ; une chute transitoire de la paupière est possible.
- C'est un médicament soumis à prescription, dont l'usage esthétique est réservé à certains médecins spécialistes.

L'injection se fait après une consultation, jamais dans un institut ni lors d'une « soirée injections ».
""", style="n")

e("acide_hyaluronique", """L'acide hyaluronique injectable est un produit de comblement résorbable : son effet s'estompe en six à dix-huit mois selon le produit et la zone. Depuis 2024, son injection est réservée aux médecins. Le risque le plus redouté est l'occlusion d'un vaisseau, rare mais grave : c'est pourquoi l'injecteur doit connaître parfaitement l'anatomie et disposer de hyaluronidase, l'enzyme qui dissout le produit. Méfiez-vous des injections réalisées hors d'un cadre médical.
""", style="c")

e("nymphoplastie", """# Nymphoplastie : en parler sans tabou

La nymphoplastie (ou labiaplastie) consiste à réduire la taille des petites lèvres. C'est une demande encore difficile à formuler en consultation ; elle mérite pourtant une réponse sérieuse et respectueuse.

**La variabilité est la règle**
La forme, la taille et la symétrie des petites lèvres varient énormément d'une femme à l'autre, et des petites lèvres qui dépassent des grandes lèvres sont fréquentes et normales. Les images diffusées sur internet ne représentent pas la diversité réelle des corps.

**Quand en parler à un chirurgien ?**
Lorsque la gêne est réelle : frottements, irritations, douleurs pendant le sport ou les rapports, difficultés d'hygiène. La demande est alors discutée en consultation, avec un examen et le temps nécessaire.

**Les suites**
- Gonflement important pendant une à deux semaines.
- Fils résorbables ; pas de bain ni de rapports pendant environ six semaines.
- Risques : hématome, désunion de la cicatrice, asymétrie, modification de la sensibilité, résection excessive.

Chez l'adolescente, l'intervention n'est pas envisagée avant la fin du développement, sauf situation exceptionnelle, et toujours avec les parents.
""", style="cn")

e("gynecomastie", """Gynécomastie : quand la poitrine se développe chez l'homme

La gynécomastie est une augmentation du volume de la glande mammaire chez l'homme. Elle est fréquente à la puberté et régresse souvent spontanément. Chez l'adulte, un bilan est utile pour en rechercher la cause : médicaments, déséquilibre hormonal, consommation de cannabis ou d'anabolisants. Lorsqu'elle persiste et gêne, une intervention associant lipoaspiration et ablation de la glande peut être proposée ; elle peut être prise en charge par l'Assurance maladie dans certaines conditions. Beaucoup d'hommes n'osent pas en parler : c'est pourtant un motif de consultation comme un autre.
""")

e("post_bariatrique", """# Après une chirurgie de l'obésité : et la peau ?

Perdre 40 ou 50 kilos après une sleeve ou un bypass est un bouleversement considérable. Il laisse souvent un excédent de peau au niveau du ventre, des bras, des cuisses ou de la poitrine, source d'irritations, de mycoses dans les plis et de gêne au quotidien.

**Quand envisager la chirurgie réparatrice ?**
- lorsque le poids est stable depuis au moins 12 à 18 mois ;
- lorsque l'état nutritionnel est correct : un bilan est nécéssaire, car les carences en fer, en vitamines et en protéines sont fréquentes ;
- après l'arrêt complet du tabac.

**Quelles interventions ?**
Abdominoplastie ou dermolipectomie abdominale, lifting des bras (brachioplastie), des cuisses (cruroplastie), mastopexie ou bodylift. Elles sont souvent réalisées en plusieurs temps, espacés de quelques mois.

**Ce qu'il faut savoir**
Les cicatrices sont longues et le risque de complications (désunion, sérome, retard de cicatrisation) est plus élevé qu'après une chirurgie esthétique classique. Certaines de ces interventions peuvent être prises en charge par l'Assurance maladie, après accord préalable.

Le parcours est long ; il se construit avec l'équipe qui vous a suivie pour la chirurgie bariatrique, et à votre rythme.
""", miss=["nécéssaire"])

e("reconstruction_mammaire", """---
title: Reconstruction mammaire
networks: [facebook, linkedin]
status: prêt
---
# Reconstruction mammaire après un cancer : les grandes options

Après une mastectomie, la reconstruction est un droit, pas une obligation. Certaines femmes choisissent de ne pas être reconstruites, ou de porter une prothèse externe : c'est un choix tout aussi légitime.

**Quand ?**
- En même temps que la mastectomie (reconstruction immédiate), lorsque le traitement le permet ;
- ou plus tard (reconstruction différée), notamment après une radiothérapie.

**Comment ?**
- Par implant, parfois après une phase d'expansion de la peau ;
- par lambeau, c'est-à-dire avec les propres tissus de la patiente : lambeau de grand dorsal, ou lambeau abdominal (DIEP) qui utilise la peau et la graisse du ventre ;
- par lipofilling, seul ou en complément.

La reconstruction de l'aréole et du mamelon vient en dernier, par greffe, lambeau local ou tatouage.

**Prise en charge**
La reconstruction mammaire est prise en charge par l'Assurance maladie. Des dépassements d'honoraires sont possibles selon le secteur du chirurgien : ils doivent vous être annoncés par écrit. Des associations de patientes peuvent aussi vous accompagner.

Chaque option a ses avantages, ses contraintes et ses risques ; le choix se fait avec votre équipe, à votre rythme.
""", style="c")

e("petites_levres_faq", """« Mes petites lèvres dépassent, est-ce normal ? »

C'est une question que l'on ose rarement poser. Dans la grande majorité des cas, oui : c'est une variation normale de l'anatomie. On parle d'hypertrophie des petites lèvres lorsqu'elles entraînent une gêne fonctionnelle (frottements, irritations, douleur). La chirurgie ne se discute qu'à ce moment-là, après un examen en consultation.
""", style="n")

e("lipoedeme", """# Lipœdème : une maladie encore mal connue

Le lipœdème touche presque exclusivement les femmes. Il se manifeste par une accumulation symétrique de graisse sur les jambes, parfois les bras, qui épargne les pieds et les mains, avec des douleurs au toucher et des ecchymoses faciles.

Ce n'est ni de l'obésité ni un manque de volonté : les régimes n'agissent pas sur cette graisse. Le diagnostic est clinique et souvent posé tardivement.

La prise en charge associe compression, activité physique adaptée et suivi ; une liposuccion peut être discutée dans certains cas, après un avis spécialisé. Les recommandations françaises sont encore en construction : méfiez-vous des discours trop affirmatifs.
""", style="c")

e("asymetrie_mammaire", """Asymétrie mammaire : aucun corps n'est parfaitement symétrique, et une légère différence de volume entre les deux seins est la règle. Une asymétrie importante, parfois liée à une malformation (seins tubéreux, syndrome de Poland), peut en revanche être source de souffrance dès l'adolescence. La correction (augmentation, réduction ou lipofilling d'un seul côté ou des deux) est discutée une fois la croissance terminée. Dans certaines formes malformatives, une prise en charge par l'Assurance maladie est possible.
""")

e("chirurgie_intime_homme", """# Agrandissement du pénis : démêler le vrai du faux

On voit passer beaucoup de promesses sur ce sujet. Remettons les faits à plat.

- **Idée reçue : « Une opération peut faire gagner plusieurs centimètres. »** La section du ligament suspenseur donne un gain apparent au repos, modeste et inconstant, sans effet en érection.
- **Idée reçue : « Les injections de graisse ou d'acide hyaluronique sont anodines. »** Elles peuvent entraîner des irrégularités, des nodules et des infections.
- **Ce que l'on sait :** la très grande majorité des hommes qui consultent ont une taille dans la norme. La demande cache souvent une inquiétude qui mérite d'être entendue, parfois avec l'aide d'un sexologue.

Une consultation avec un chirurgien plasticien ou un urologue permet d'en parler sans jugement.
""", style="c")

e("vergetures", """Vergetures : il n'existe pas de crème miracle. Les vergetures sont des cicatrices internes de la peau, liées à un étirement rapide (grossesse, prise de poids, puberté) et à des facteurs hormonaux. Rouges au début, elles deviennent blanches et nacrées. Aucun traitement ne les fait disparaître définitivement ; certains lasers peuvent atténuer les vergetures récentes. Une abdominoplastie retire les vergetures situées sur la peau enlevée, mais ce n'est jamais une indication à elle seule.
""", style="n")

e("retour_etranger", """Depuis janvier, j'ai revu au cabinet plusieurs patientes opérées à l'étranger avec une complication. Quelques conseils si vous envisagez ce choix :

- exigez le nom et la qualification du chirurgien, et vérifiez-les ;
- demandez qui vous suivra après votre retour ;
- prévoyez de rester sur place au moins dix jours ;
- conservez tous les comptes rendus opératoires, ainsi que le type et la taille des implants.

Un « forfait tout compris » ne comprend presque jamais la prise en charge d'une complication une fois rentrée en France.
""")

e("suites_lipo_jours", """Suites d'une lipoaspiration, étape par étape

- J+1 : retour à domicile, gaine en place.
- J+3 à J+5 : les ecchymoses sont à leur maximum, c'est normal.
- J+8 : consultation de contrôle et ablation des fils si besoin.
- 3 semaines : reprise progressive d'un sport doux.
- 3 à 6 mois : l'œdème a disparu et on commence à apprécier le résultat.

Chaque personne récupère à son rythme : ces délais sont des repères, pas des objectifs.
""", style="c")

e("nicotine_vapoteuse", """Tabac, vapoteuse, patchs : qu'est-ce qui compte avant une chirurgie ?

C'est la nicotine qui resserre les petits vaisseaux et gêne la cicatrisation ; le monoxyde de carbone de la cigarette aggrave encore la situation. La cigarette électronique n'est donc pas anodine. Idéalement : arrêt complet six semaines avant et quatre semaines après l'intervention. Pour un lifting, une abdominoplastie ou une réduction mammaire, le risque de nécrose de la peau est nettement plus élevé chez les fumeurs. Tabac Info Service (39 89) propose un accompagnement gratuit.
""")

e("anesthesie", """# Anesthésie : locale, sédation ou générale ?

Le choix dépend de l'intervention, de sa durée et de votre état de santé.

- **Anesthésie locale** : pour de petites interventions. Une anésthésie locale suffit par exemple pour une blépharoplastie supérieure ou la reprise d'une cicatrice.
- **Sédation** : vous êtes détendue et somnolente, le chirurgien complète par une anesthésie locale.
- **Anesthésie générale** : pour les interventions plus longues ou plus étendues.

La consultation d'anesthésie est obligatoire avant toute interventon programmée, au moins 48 heures avant. Vous devrez être à jeun : pas de nourriture six heures avant, seulement de l'eau claire jusqu'à deux heures avant, sauf consigne différente de l'anesthésiste.
""", miss=["anésthésie", "interventon"], style="c")

e("trois_gestes_cicatrice", """Trois gestes simples pour votre cicatrice, une fois qu'elle est bien fermée :

1. **Massez-la** quelques minutes par jour avec une crème hydratante neutre, en faisant rouler la peau.
2. **Protégez-la du soleil** (écran total ou vêtement) pendant au moins un an, sinon elle risque de brunir durablement.
3. **Soyez patiente** : une cicatrice met 12 à 18 mois à trouver son aspect définitif.
""", style="n")

e("abdo_complications", """Abdominoplastie : les complications dont on parle moins

- Le sérome : une collection de liquide sous la peau, fréquente, qui peut nécessiter des ponctions.
- Les retards de cicatrisation, surtout au centre de la cicatrice, favorisés par le tabac et le surpoids.
- La phlébite et l'embolie pulmonaire : rares mais graves, d'où le lever précoce, les bas de contention et souvent un traitement anticoagulant.
- Une zone d'insensibilité sous le nombril, qui peut durer des mois.

La convalescense dure en général deux à quatre semaines. Les complications sont rares mais possibles : les connaître, c'est mieux les prévenir et réagir vite.
""", miss=["convalescense"])

e("coque_baker", """La coque, ou contracture capsulaire, est la complication la plus fréquente des implants mammaires. On la classe selon la classification de Baker, du stade I (sein souple, d'aspect normal) au stade IV (sein dur, douloureux, déformé). Les stades III et IV justifient généralement une réintervention : ablation de la capsule et changement d'implant. Elle peut survenir des années après la pose.
""", style="c")

e("bbl_prudence", """# Lipofilling des fesses : pourquoi tant de prudence ?

Le lipofilling fessier (appelé « BBL » sur les réseaux) consiste à réinjecter dans les fesses de la graisse prélevée par liposuccion. Il a été associé à des décès par embolie graisseuse lorsque la graisse est injectée dans le muscle, où passent de grosses veines. Les sociétés savantes recommandent désormais une injection uniquement sous la peau, au-dessus du muscle.

Les volumes injectés doivent rester raisonnables, et une partie de la graisse se résorbe dans les mois qui suivent. Ce n'est pas un geste anodin, quelle que soit la façon dont on le présente en vidéo.
""", style="cn")

e("blepharo_premiers_jours", """Blépharoplastie : les premiers jours

Après une chirurgie des paupiéres, il est normal d'avoir les yeux gonflés, des ecchymoses et une sensation de sécheresse ou de larmoiement. Des compresses froides, la tête surélevée la nuit et des larmes artificielles soulagent. Évitez les écrans prolongés et les lentilles de contact pendant deux semaines. Les fils sont retirés vers le cinquième jour. Une baisse de la vision ou une douleur intense de l'œil imposent d'appeler immédiatement le chirurgien.
""", miss=["paupiéres"])

e("otoplastie_enfant", """Otoplastie chez l'enfant : à partir de quel âge ?

Les oreilles décollées peuvent être corrigées à partir de 7 ans environ, lorsque le cartilage a presque atteint sa taille adulte. La demande doit venir de l'enfant lui-même, souvent lorsqu'il subit des moqueries à l'école, et pas seulement des parents. L'intervention se discute toujours avec les deux parents, qui signent l'autorisation d'opérer. Elle peut être prise en charge par l'Assurance maladie dans certaines conditions.
""", style="c")

e("rhino_resultat_un_an", """Après une rhinoplatie, l'attelle est retirée vers le septième jour. Le nez paraît alors gonflé et souvent plus large : c'est l'œdème. La majorité du gonflement disparaît en quelques semaines, mais la pointe reste gonflée plusieurs mois. Le résultat définitif ne s'apprécie qu'au bout d'un an, parfois davantage chez les peaux épaisses. D'ici là, on évite de juger son nez dans le miroir tous les matins 🙂
""", miss=["rhinoplatie"])

e("lifting_limites", """Lifting cervico-facial : ce qu'il peut faire, et ce qu'il ne fait pas

Il retend les tissus profonds et la peau de l'ovale du visage et du cou. Il ne modifie pas la texture de la peau, ne supprime pas les rides fines autour de la bouche et n'arrête pas le vieillissement, qui continue son cours.

Les suites : gonflement et ecchymoses pendant deux à trois semaines, cicatrices cachées dans les cheveux et autour de l'oreille. Les risques principaux sont un hématôme, une souffrance de la peau chez les fumeurs et, rarement, une atteinte d'une branche du nerf facial, le plus souvent transitoire.
""", miss=["hématôme"], style="n")

e("cryolipolyse", """Cryolipolyse : ce qu'on peut en attendre

La cryolipolyse refroidit une zone de graisse localisée pour détruire une partie des cellules graisseuses. L'effet est modeste, progressif sur deux à trois mois, et plusieurs séances sont souvent nécessaires. Ce n'est pas une méthode d'amaigrissement. Les effets indésirables sont en général bénins (rougeurs, engourdissement), mais une complication rare existe : l'hyperplasie adipeuse paradoxale, où la graisse augmente au lieu de diminuer. Elle doit être pratiquée dans un cadre médical.
""", style="c")

e("titres_fantaisistes", """« Expert en rhinoplastie », « spécialiste du regard », « médecin esthétique certifié »… Sur les réseaux, les titres fleurissent. Pour vous y retrouver : seuls les titres reconnus par l'Ordre des médecins peuvent figurer sur une plaque ou un profil. La spécialité de votre médecin est consultable dans l'annuaire public de l'Ordre ; le vérifier est le premier réflexe à avoir.
""", style="n")

e("pas_avant_apres", """Pourquoi vous ne verrez pas de photos avant/après sur ce compte

Ces images sont trompeuses par nature : éclairage, posture, sélection des cas les plus favorables… Elles laissent croire qu'un résultat est reproductible d'une personne à l'autre, ce qui n'est pas le cas. L'Ordre des médecins les déconseille, et le secret médical protège l'image de mes patientes. Je préfère vous expliquer les interventions avec des schémas.
""", style="c")

e("pas_avis_mp", """Petit rappel 📩

Je reçois beaucoup de messages privés avec des photos et une question : « Est-ce que je suis opérable ? » Je ne peux pas y répondre : un avis médical personnalisé nécessite une consultation, un examen et un dialogue. Merci de ne pas m'envoyer de photos. Vos questions générales sont en revanche les bienvenues, j'y réponds dans la FAQ en story du jeudi.
""", style="cn")

e("soleil_laser", """Laser, peeling : attention au soleil ☀️

Après un peeling ou un laser, la peau est fragilisée pendant plusieurs semaines. Une exposition au soleil peut provoquer des taches brunes (hyperpigmentation), surtout sur les peaux mates. Le meilleur moment pour ces soins reste donc l'automne et l'hiver. Protection solaire d'indice 50, chapeau et patience !
""")

e("allaitement_implants", """« Pourrai-je allaiter après une augmentation mammaire ? »

Dans la majorité des cas, oui, surtout lorsque l'implant est placé par une incision dans le sillon sous le sein, sans toucher à la glande. Une incision autour de l'aréole peut davantage perturber l'allaitement. C'est un point à aborder en consultation si vous envisagez une grossesse.
""", style="c")

e("grossesse_abdo", """Grossesse après une abdominoplastie : est-ce possible ? Oui, l'intervention ne rend pas une grossesse dangereuse. Mais une nouvelle grossesse distend à nouveau la peau et les muscles et peut altérer le résultat. C'est pourquoi on conseille généralement d'attendre d'avoir mené à bien ses projets de grossesse, et au moins un an après le dernier accouchement.
""")

e("poids_stable", """Avant toute chirurgie de la silhouette, votre poids doit être stable depuis plusieurs mois. Une perte de poids importante après l'intervention peut relâcher la peau ; une prise de poids modifiera le résultat. Si vous êtes en train de maigrir, le bon moment pour opérer viendra plus tard. Ce n'est pas un refus, c'est un report.
""", style="n")

e("implants_duree_vie", """Les implants mammaires ne sont pas des dispositifs à vie. Leur durée de vie se compte en années, et la surveillance doit continuer tant qu'ils sont en place. Certains fabricants proposent une garantie en cas de rupture : lisez-en les conditions, elle ne couvre pas tout, et notamment pas les frais d'une réintervention.

[Les informations de l'ANSM sur les implants mammaires](https://ansm.sante.fr/dossiers-thematiques/implants-mammaires)
""", style="c")

e("lipofilling_resorption", """Lipofilling : pourquoi faut-il parfois deux séances ?

La graisse prélevée par liposuccion est purifiée puis réinjectée en petites quantités. Une partie ne survit pas : on estime qu'environ 30 à 40 % du volume injecté se résorbe dans les premiers mois. Le résultat est jugé vers six mois, et une deuxième séance peut être proposée.

Avantage : c'est votre propre tissu, sans risque de rejet. Inconvénients : un résultat moins prévisible qu'avec un implant, des cicatrices de prélèvement, certes minimes, et des ecchymoses importantes sur la zone de prélèvement.
""", allow=["misleading-claim"])

e("phlebite_prevention", """Phlébite après une chirurgie : comment la prévenir ?

Le meilleur moyen reste de marcher tôt, dès le soir ou le lendemain de l'intervention. Selon votre profil (pilule, surpoids, antécédents, durée de l'opération), des bas de contention et des injections d'anticoagulant pendant quelques jours peuvent être prescrits. La pilule œstroprogestative est parfois à arrêter avant une intervention longue : nous en parlons en consultation. Une douleur du mollet ou un essoufflement doivent faire consulter en urgence.
""", style="c")

e("dysmorphophobie", """Parfois, la meilleure réponse à une demande de chirurgie esthétique est de ne pas opérer.

Lorsqu'un défaut minime, voire invisible pour l'entourage, occupe toutes les pensées, il peut s'agir d'une dysmorphophobie. La chirurgie n'apporte alors pas d'apaisement, et peut même aggraver la souffrance. Proposer un accompagnement psychologique n'est pas un rejet : c'est prendre la demande au sérieux.
""")

e("merci_equipe_bloc", """Merci à toute l'équipe du bloc opératoire et du service d'anesthésie de la clinique pour cette année de travail. Infirmières, aides-soignantes, anesthésistes, brancardiers, secrétaires : la sécurité des patients repose sur chacun de vous. Bonnes fêtes à tous 🎄
""", style="c")

e("demenagement", """Nouvelle adresse 📍

À partir du 2 septembre, le cabinet déménage au 14, rue Nationale, au deuxième étage avec ascenseur. Les rendez-vous de consultation sont ouverts sur Doctolib pour les semaines suivantes. Le numéro de téléphone ne change pas.
""", style="n")

e("mineure_implants", """« Ma fille de 16 ans veut des implants, que faire ? »

Une augmentation mammaire purement esthétique n'est pas réalisée chez une mineure : le corps n'a pas terminé son développement et la demande doit mûrir. Les situations de malformation (seins tubéreux, asymétrie majeure) sont différentes et peuvent justifier une prise en charge, toujours avec les parents. Écouter ce qui se cache derrière la demande est souvent le premier pas.
""", style="c")

e("variations_tarifs", """Pourquoi les tarifs d'une même intervention varient-ils autant ?

Le devis comprend les honoraires du chirurgien, ceux de l'anesthésiste, les frais de clinique, parfois les implants ou la gaine. La durée d'hospitalisation et la complexité de votre cas comptent aussi. Comparer des prix sans savoir ce qu'ils incluent n'a donc pas grand sens. Méfiez-vous des tarifs anormalement bas : le prix ne doit jamais être votre premier critère de choix.
""")

e("lexique", """Petit lexique pour s'y retrouver 📖

- **Mastopexie** : remodelage d'une poitrine tombante (ptose mammaire), sans forcément en augmenter le volume.
- **Blépharoplastie** : chirurgie des paupières.
- **Otoplastie** : correction des oreilles décollées.
- **Génioplastie** : modification du menton.
- **Brachioplastie** : lifting de la face interne des bras.
- **Sérome** : accumulation de liquide sous la peau après une intervention.
- **Capsulotomie** : ouverture de la capsule qui entoure un implant.

D'autres mots vous posent question ? Dites-le-moi en commentaire, je compléterai la liste.
""", style="n")

e("gueules_cassees", """# Il y a un peu plus d'un siècle, les « gueules cassées »

Pendant la Première Guerre mondiale, des milliers de soldats sont revenus du front le visage détruit. Ils se sont eux-mêmes appelés les « gueules cassées ». En France comme au Royaume-Uni, autour de chirurgiens comme Harold Gillies, des équipes ont mis au point des techniques de lambeaux et de greffes qui sont encore à la base de la chirurgie plastique et reconstructrice.

Une histoire à raconter le 11 novembre, pour se rappeler que notre spécialité est née de la réparation.
""", style="c")

e("implants_ronds_anatomiques", """Implants ronds ou anatomiques : lequel choisir ?

Aucune étude n'a montré qu'une forme donnait de façon constante un résultat plus naturel que l'autre. Le choix dépend de votre morphologie, de l'épaisseur de vos tissus et de l'effet souhaité. Les implants anatomiques peuvent pivoter, ce qui déforme le sein ; les implants ronds ne posent pas ce problème. Nous en parlons ensemble en consultation, échantillons en main.
""")

e("jamais_black_friday", """Vous ne verrez jamais de « Black Friday » ni de code de réduction sur ce compte. Une intervention chirurgicale n'est pas un achat d'impulsion, et la médecine n'est pas un commerce. Si vous envisagez une chirurgie, prenez votre temps : consultation, devis, délai de réflexion, deuxième consultation si besoin.
""", style="c")

e("rhino_medicale_prudence", """« Rhinoplastie médicale » : prudence.

L'injection d'acide hyaluronique sur le nez peut masquer une petite bosse ou relever une pointe, de façon temporaire. Mais le nez est l'une des zones les plus à risque d'occlusion vasculaire, avec des cas de nécrose de la peau et, exceptionnellement, de cécité. Ce geste ne devrait être réalisé que par un médecin entraîné, qui connaît l'anatomie et sait prendre en charge une complication.
""", style="n")

e("avion_apres_abdo", """Une patiente m'a demandé la semaine dernière si elle pouvait prendre l'avion dix jours après son abdominoplastie. Bonne question, qui revient souvent. Un vol long dans les semaines qui suivent une chirurgie augmente le risque de phlébite. Si le voyage ne peut pas être reporté : bas de contention, hydratation, marche dans l'allée toutes les heures, et parfois une injection d'anticoagulant selon l'avis du chirurgien.
""", style="c")

e("ferme_14_juillet", """Le cabinet sera fermé le 14 juillet. Bel été à toutes et à tous !
""")

e("video_otoplastie", """Nouvelle vidéo en ligne 🎬 Les suites d'une otoplastie expliquées en quatre minutes, du pansement à la reprise du sport. [Regarder la vidéo](https://www.youtube.com/@dr.vasseur.chirurgie)
""")

e("sport_augmentation", """Sport après une augmentation mammaire : la marche est possible dès les premiers jours ; vélo d'appartement et course à pied après quatre à six semaines ; musculation des pectoraux et natation après six à huit semaines, avec l'accord de votre chirurgien. Un soutien-gorge de sport bien maintenu est conseillé pendant plusieurs mois.
""", style="c")

e("ptose_schema", """# Ptose mammaire : de quoi parle-t-on ?

![Schéma des degrés de ptose mammaire](images/schema_ptose_mammaire.png)

La ptose mammaire désigne une poitrine qui descend, après une grossesse, un allaitement, une perte de poids ou simplement avec le temps. On la classe selon la position du mamelon par rapport au sillon sous-mammaire.

La correction chirurgicale s'appelle la mastopexie : elle remonte l'aréole et remodèle la glande, parfois avec un implant si un gain de volume est souhaité. Les cicatrices dépendent du degré de ptose : autour de l'aréole seulement, ou en forme de T inversé.
""", style="n")

e("honoraires_indicatifs", """Honoraires indicatifs

Conformément à l'obligation d'information sur les honoraires, voici une fourchette pour une blépharoplastie des quatre paupières : de 2 800 à 3 600 € pour le chirurgien, hors anesthésie et frais de clinique, selon la complexité. Le montant exact figure dans le devis détaillé remis en consultation, suivi d'un délai de réflexion de 15 jours minimum.
""", allow=["pricing"], style="n")

e("schema_incisions", """![Schéma des voies d'abord de l'augmentation mammaire](images/schema_incisions_augmentation.png)

Trois voies d'abord sont possibles pour poser un implant mammaire : le sillon sous le sein, le contour inférieur de l'aréole, ou le creux de l'aisselle. Chacune a ses avantages et ses limites, selon votre anatomie et la taille de l'implant ; nous choisissons ensemble en consultation.
""", style="c")

e("hematome_explique", """Qu'est-ce qu'un hématome post-opératoire ?

C'est une poche de sang qui se forme sous la peau dans les heures ou les jours qui suivent l'intervention. Il se manifeste par un gonflement rapide, tendu et douloureux, souvent d'un seul côté. Un petit hématome se résorbe seul ; un hématome important doit être évacué au bloc opératoire. Le risque augmente avec l'hypertension, certains médicaments et les efforts trop précoces. Aucun patient n'en est totalement à l'abri, d'où l'importance de respecter les consignes de repos.
""")

e("drainage_lymphatique", """Drainage lymphatique après une liposuccion : utile ou pas ?

Il peut améliorer le confort et aider à faire diminuer l'œdème, mais les preuves de son efficacité sur le résultat final restent limitées. Il n'est donc pas obligatoire. Si vous souhaitez en faire, attendez l'accord de votre chirurgien et privilégiez un kinésithérapeute formé à cette technique.
""", style="n")

e("retour_travail_blepharo", """Reprise du travail après une blépharoplastie : comptez en moyenne sept à dix jours, le temps que les ecchymoses s'estompent. Le maquillage est possible après l'ablation des fils. Les lunettes de soleil sont vos alliées pendant les premières sorties !
""", style="c")
