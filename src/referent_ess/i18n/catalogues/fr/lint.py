"""Textes français : `referent lint`, les risques juridiques d'une méthode de notation. Pour
chaque constat : ``msg:<code>`` ce qui a été trouvé (avec ses chiffres), ``part:<code>.why``
pourquoi c'est important, ``part:<code>.action`` que faire, ``part:lint-source.<clé>`` sa source
écrite en entier."""

MESSAGES: dict[str, str] = {
    "lint.mention.one": (
        "1 point de vigilance juridique dans la méthode de notation : voir referent lint"
    ),
    "lint.mention.many": (
        "{n} points de vigilance juridique dans la méthode de notation : voir referent lint"
    ),
    "lint.title": "{title} — contrôle juridique de la méthode de notation",
    "lint.consultation": "toute la consultation",
    "lint.lot": "lot {id}",
    "lint.severity.risk": "risque juridique",
    "lint.severity.advice": "recommandation",
    "lint.col.severity": "Gravité",
    "lint.col.where": "Portée",
    "lint.col.finding": "Constat et source",
    "lint.col.found": "Constat",
    "lint.col.why": "Pourquoi",
    "lint.col.source": "Source",
    "lint.col.action": "Que faire",
    "lint.none": "Aucun risque juridique ni recommandation : rien à signaler.",
    "lint.summary": "Constats : {found}.",
    "lint.and": " et ",
    "lint.risks.one": "1 risque juridique",
    "lint.risks.many": "{n} risques juridiques",
    "lint.advice.one": "1 recommandation",
    "lint.advice.many": "{n} recommandations",
    # aucun critère environnemental
    "msg:lint-environmental-criterion.no-deadline": (
        "aucun critère d'attribution n'est indiqué comme prenant en compte les caractéristiques "
        "environnementales de l'offre, et la consultation n'indique pas de date limite"
    ),
    "msg:lint-environmental-criterion.before": (
        "aucun critère d'attribution n'est indiqué comme prenant en compte les caractéristiques "
        "environnementales de l'offre ; la date limite ({deadline_date}) étant antérieure au "
        "21 août 2026, l'obligation ne s'appliquait pas à cette consultation, mais elle "
        "s'applique à toute consultation lancée aujourd'hui"
    ),
    "msg:lint-environmental-criterion.after": (
        "aucun critère d'attribution n'est indiqué comme prenant en compte les caractéristiques "
        "environnementales de l'offre, et la date limite est le {deadline_date}"
    ),
    "part:lint-environmental-criterion.why": (
        "pour une consultation engagée à compter du 21 août 2026, au moins un critère "
        "d'attribution doit prendre en compte les caractéristiques environnementales de "
        "l'offre ; une attribution sans un tel critère peut être annulée"
    ),
    "part:lint-environmental-criterion.action": (
        "ajouter un critère ou un sous-critère portant sur les caractéristiques "
        "environnementales de l'offre, lié à l'objet du marché, et l'indiquer par "
        "environmental: true dans criteria.yaml ; si un critère le fait déjà, il suffit de "
        "l'indiquer ; un marché de défense ou de sécurité n'est pas concerné"
    ),
    # pondération des sous-critères non annoncée
    "msg:lint-sub-weights": (
        "rien n'indique que la pondération des {count} sous-critères de « {criterion} » est "
        "annoncée dans le règlement de la consultation"
    ),
    "part:lint-sub-weights.why": (
        "des sous-critères pondérés susceptibles d'influencer la présentation des offres et "
        "leur sélection sont de véritables critères : leur pondération doit être portée à la "
        "connaissance des candidats"
    ),
    "part:lint-sub-weights.action": (
        "annoncer la pondération des sous-critères dans le règlement de la consultation, puis "
        "l'indiquer par sub_weights_announced: true sur le critère (ou sur son jeu de "
        "critères) dans criteria.yaml"
    ),
    # nombre maximal de lots sans règle d'attribution
    "msg:lint-allocation-rule.one": (
        "un candidat ne peut se voir attribuer qu'un seul lot, mais aucune règle ne dit quel lot "
        "il conserve lorsque les critères lui en attribueraient davantage"
    ),
    "msg:lint-allocation-rule.many": (
        "un candidat peut se voir attribuer au plus {maximum} lots, mais aucune règle ne dit "
        "quels lots il conserve lorsque les critères lui en attribueraient davantage"
    ),
    "part:lint-allocation-rule.why": (
        "les documents de la consultation doivent préciser les règles applicables lorsque les "
        "critères d'attribution conduiraient à attribuer à un même soumissionnaire plus de "
        "lots que le nombre maximal"
    ),
    "part:lint-allocation-rule.action": (
        "préciser la règle dans le règlement de la consultation (par exemple : les lots du "
        "montant le plus élevé d'abord, les autres à l'offre classée suivante) et la reporter "
        "en allocation_rule dans lots.yaml"
    ),
    # prix comparés HT avec des taux de TVA différents
    "msg:lint-vat-basis.same": (
        "les prix sont comparés HT alors que les offres admissibles ont des taux de TVA "
        "différents ; en TTC, la même offre serait classée première ({ht_first})"
    ),
    "msg:lint-vat-basis.changes": (
        "les prix sont comparés HT alors que les offres admissibles ont des taux de TVA "
        "différents ; en HT, {ht_first} est classé premier, en TTC ce serait {ttc_first}"
    ),
    "msg:lint-vat-basis.tie": (
        "les prix sont comparés HT alors que les offres admissibles ont des taux de TVA "
        "différents ; HT classe {ht_first} en tête, TTC laisserait {ttc_first} à égalité au "
        "premier rang, sans que le départage les sépare"
    ),
    "part:lint-vat-basis.why": (
        "le HT masque ce que paie l'acheteur : un candidat exonéré de TVA coûte son prix HT, "
        "un autre son prix augmenté de la TVA ; la DAJ recommande de comparer les montants TTC"
    ),
    "part:lint-vat-basis.action": (
        "comparer les prix TTC (basis: ttc, la valeur par défaut), sauf si l'acheteur récupère "
        "la TVA et que le règlement de la consultation a annoncé une comparaison HT"
    ),
    # méthode linéaire avec peu d'offres
    "msg:lint-linear-few": (
        "la méthode linéaire ne classe que {count} offres admissibles (heuristique de l'outil : "
        "moins de {few})"
    ),
    "part:lint-linear-few.why": (
        "la méthode linéaire attribue 0 point au prix le plus élevé quel que soit son écart "
        "avec le plus bas : avec peu d'offres, un faible écart de prix prend tout le poids du "
        "critère prix ; la DAJ la déconseille lorsque peu d'offres sont attendues"
    ),
    "part:lint-linear-few.action": (
        "pour la prochaine consultation, préférer une autre méthode si peu d'offres sont "
        "attendues ; pour celle-ci, appliquer la méthode annoncée et comparer avec "
        "referent simulate"
    ),
    # méthode proportionnelle sur des prix hétérogènes
    "msg:lint-proportional-spread": (
        "la méthode proportionnelle compare des prix {basis} allant de {lowest_money} à "
        "{highest_money} : le plus élevé vaut {ratio_num} fois le plus bas (heuristique de "
        "l'outil : {heuristic_num} fois ou plus) et obtient encore {share_num}\u00a0% des "
        "points prix"
    ),
    "part:lint-proportional-spread.why": (
        "lorsque les prix sont hétérogènes, la méthode proportionnelle favorise les prix "
        "élevés : le critère prix pèse moins que sa pondération annoncée"
    ),
    "part:lint-proportional-spread.action": (
        "appliquer la méthode annoncée pour cette consultation ; comparer avec referent "
        "simulate et, pour la prochaine, envisager une méthode qui écarte davantage les notes"
    ),
    # l'heuristique de neutralisation, sur la méthode configurée
    "msg:lint-price-neutralised": (
        "avec la méthode de notation du prix configurée, les points prix ne s'étalent que sur "
        "{spread_num} des {maximum_num} points (moins de {points_num}\u00a0%) alors que les "
        "prix s'écartent de {gap_num}\u00a0% (plus de {prices_num}\u00a0%)"
    ),
    "part:lint-price-neutralised.why": (
        "le critère prix pèse alors bien moins que sa pondération annoncée et les autres "
        "critères décident presque seuls du classement ; les deux seuils sont une heuristique "
        "propre à l'outil, et non une règle de droit : le juge apprécie au cas par cas si une "
        "méthode neutralise une pondération"
    ),
    "part:lint-price-neutralised.action": (
        "appliquer la méthode annoncée pour cette consultation et comparer le classement sous "
        "les autres méthodes avec referent simulate ; pour la prochaine, choisir une méthode "
        "qui écarte davantage les points prix"
    ),
    # un prix plus bas qui obtient moins de points prix
    "msg:lint-lowest-price-mark.lowest": (
        "le prix le plus bas ({basis}), {low_money} ({low}), obtient {low_points_num} points "
        "prix, moins que les {high_points_num} points de {high} à {high_money}"
    ),
    "msg:lint-lowest-price-mark.lower": (
        "{low}, à {low_money} {basis}, obtient {low_points_num} points prix, moins que les "
        "{high_points_num} points de {high}, plus cher à {high_money}"
    ),
    "part:lint-lowest-price-mark.why": (
        "une méthode de notation qui donne une note plus basse à un prix plus bas n'attribue "
        "pas la meilleure note à la meilleure offre sur le critère prix ; le Conseil d'État a "
        "jugé une telle méthode irrégulière"
    ),
    "part:lint-lowest-price-mark.action": (
        "vérifier les points prix avant de décider (le prix comparé, HT ou TTC, et les "
        "données de la formule) : le prix le plus bas doit obtenir la meilleure note prix"
    ),
    # notes sans appréciation écrite
    "msg:lint-appraisal.all": (
        "aucune des {total} notes n'a d'appréciation écrite (les premières : {first})"
    ),
    "msg:lint-appraisal.some": (
        "{count} des {total} notes n'ont pas d'appréciation écrite (les premières : {first})"
    ),
    "part:lint-appraisal.why": (
        "les candidats évincés doivent connaître les motifs du rejet de leur offre et ceux du "
        "choix de l'offre retenue ; une note sans appréciation écrite ne permet pas de les "
        "rédiger, et une note que l'appréciation ne justifie pas peut être contestée"
    ),
    "part:lint-appraisal.action": (
        "écrire, dans la colonne de commentaire à côté de chaque note, ce qui la justifie dans "
        "l'offre"
    ),
    # égalité que le départage ne tranche pas
    "msg:lint-tie": "{count} offres restent classées premières après le départage : {names}",
    "part:lint-tie.why": (
        "le marché est attribué à l'offre économiquement la plus avantageuse selon les "
        "critères annoncés ; lorsque ceux-ci et le départage ne séparent pas les offres, le "
        "choix repose sur une règle que les candidats ne connaissaient peut-être pas"
    ),
    "part:lint-tie.action": (
        "appliquer la règle que le règlement de la consultation prévoit en cas d'égalité "
        "parfaite, s'il en prévoit une (un tirage au sort, par exemple) ; pour la prochaine "
        "consultation, annoncer un départage (tie_break dans criteria.yaml)"
    ),
    # offre anormalement basse
    "msg:lint-abnormally-low.one": "l'offre de {names} est signalée comme anormalement basse",
    "msg:lint-abnormally-low.many": (
        "{count} offres sont signalées comme anormalement basses : {names}"
    ),
    "part:lint-abnormally-low.why": (
        "une offre qui semble anormalement basse ne peut être rejetée qu'après avoir demandé à "
        "son auteur des précisions et justifications sur son prix, et les avoir vérifiées"
    ),
    "part:lint-abnormally-low.action": (
        "demander par écrit au candidat de justifier son prix, vérifier sa réponse, puis "
        "conserver l'offre ou la rejeter en motivant ce rejet"
    ),
    # reçue le jour limite sans heure
    "msg:lint-received-time.one": (
        "l'offre de {names} a été reçue le jour de la date limite sans heure de réception : "
        "elle est peut-être hors délai"
    ),
    "msg:lint-received-time.many": (
        "{count} offres ont été reçues le jour de la date limite sans heure de réception : "
        "{names} ; elles sont peut-être hors délai"
    ),
    "part:lint-received-time.why": (
        "une offre reçue après la date et l'heure limites doit être éliminée ; sans son heure "
        "de réception, on ne peut pas le savoir"
    ),
    "part:lint-received-time.action": (
        "reporter l'heure de réception indiquée par l'accusé de réception du profil "
        "d'acheteur dans la cellule received_at"
    ),
    # les sources, écrites en entier
    "part:lint-source.l2152-7": (
        "Code de la commande publique, art. L2152-7 modifié par l'art. 35 de la loi "
        "n° 2021-1104 du 22 août 2021 « Climat et résilience » (« Au moins un de ces critères "
        "prend en compte les caractéristiques environnementales de l'offre »), et art. R2152-7 "
        "modifié par le décret n° 2022-767 du 2 mai 2022 : pour les consultations engagées à "
        "compter du 21 août 2026 ; les marchés de défense ou de sécurité sont exclus"
    ),
    "part:lint-source.r2113-1": (
        "Code de la commande publique, art. R2113-1 : « L'acheteur indique dans les documents "
        "de la consultation […] le cas échéant, le nombre maximal de lots qui peuvent être "
        "attribués à un même soumissionnaire. Dans ce cas, les documents de la consultation "
        "précisent les règles applicables lorsque la mise en œuvre des critères d'attribution "
        "conduirait à attribuer à un même soumissionnaire un nombre de lots supérieur au "
        "nombre maximal. »"
    ),
    "part:lint-source.ce-337377": (
        "Conseil d'État, 18 juin 2010, Commune de Saint-Pal-de-Mons, n° 337377 (des "
        "sous-critères susceptibles d'exercer une influence sur la présentation des offres et "
        "sur leur sélection : leur pondération doit être portée à la connaissance des "
        "candidats)"
    ),
    "part:lint-source.heuristic": (
        "heuristique propre à l'outil (la règle de referent simulate), et non un seuil fixé "
        "par le juge ou par la DAJ"
    ),
    "part:lint-source.ce-370789": (
        "Conseil d'État, 29 octobre 2013, Val d'Oise Habitat, n° 370789 (une méthode qui "
        "attribue la note la plus faible au prix le plus éloigné de l'estimation du coût, et "
        "donc une note plus basse à un prix plus bas, est irrégulière)"
    ),
    "part:lint-source.linear-2024": (
        "Direction des affaires juridiques (ministère de l'Économie), fiche « Les méthodes de "
        "notation du critère prix dans les marchés publics », janvier 2024 ; la méthode "
        "linéaire a été censurée lorsqu'elle donnait 0 au prix le plus élevé quel que soit "
        "l'écart : tribunal administratif de Grenoble, 10 novembre 2009, n° 0904789 (procédure "
        "annulée), et cour administrative d'appel de Paris, 8 février 2016, Société RJ45 "
        "Technologies, n° 15PA02993 (deux offres, 40/40 et 0/40 : pondération neutralisée)"
    ),
    "part:lint-source.daj-price-2024": (
        "Direction des affaires juridiques (ministère de l'Économie), fiche « Les méthodes de "
        "notation du critère prix dans les marchés publics », janvier 2024"
    ),
    "part:lint-source.appraisal": (
        "Code de la commande publique, art. R2181-3 : « La notification prévue à l'article "
        "R. 2181-1 mentionne les motifs du rejet de la candidature ou de l'offre. Lorsque la "
        "notification de rejet intervient après l'attribution du marché, l'acheteur communique "
        "en outre : 1° Le nom de l'attributaire ainsi que les motifs qui ont conduit au choix "
        "de son offre […] » ; cour administrative d'appel de Bordeaux, 14 juin 2021, "
        "n° 19BX01864 (des incohérences répétées entre les appréciations écrites et les notes, "
        "la meilleure note n'allant pas à la meilleure offre : erreur manifeste d'appréciation)"
    ),
    "part:lint-source.l2152-6": (
        "Code de la commande publique, art. L2152-6 : « Lorsqu'une offre semble anormalement "
        "basse, l'acheteur exige que l'opérateur économique fournisse des précisions et "
        "justifications sur le montant de son offre. »"
    ),
    "part:lint-source.r2151-5": (
        "Code de la commande publique, art. R2151-5 : « Les offres reçues hors délai sont "
        "éliminées. »"
    ),
    "part:lint-source.l2152-7-award": (
        "Code de la commande publique, art. L2152-7 : « Le marché est attribué au "
        "soumissionnaire ou, le cas échéant, aux soumissionnaires qui ont présenté l'offre "
        "économiquement la plus avantageuse […] »"
    ),
}
