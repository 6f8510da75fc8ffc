"""French texts: every problem, error, reason and note, by code (``msg:<code>[.<form>]``, one
for each key of :mod:`referent_ess.problems.codes`), and the parts they share (``part:``).

A data module, long because the tool says many precise things; the same keys as the English
one (a test checks it, with the same placeholders)."""

MESSAGES: dict[str, str] = {
    # motifs et avertissements
    "msg:late": "reçue le {received_date}, après la date limite du {deadline_date}",
    "msg:late.round": (
        "reçue le {received_date}, après la date limite du tour de négociation {round} "
        "({deadline_date})"
    ),
    "msg:variant-forbidden": (
        "variante « {variant} », alors que le lot {lot} n'autorise pas les variantes (variants: "
        "forbidden dans lots.yaml)"
    ),
    "msg:variant-without-base": (
        "variante « {variant} » sans offre de base du même candidat sur le lot {lot} : le "
        "règlement de la consultation l'exige (variant_needs_base dans lots.yaml)"
    ),
    "msg:incomplete.one": "pièce exigée manquante : {documents}",
    "msg:incomplete.several": "pièces exigées manquantes : {documents}",
    "msg:over_cap": (
        "prix {basis} de {price_money}, supérieur de {excess_money} au montant maximum {basis} "
        "du lot ({cap_money})"
    ),
    "msg:below_threshold": (
        "{points_num} points au critère « {criterion} », sous le seuil éliminatoire de "
        "{min_num} points annoncé au règlement de la consultation"
    ),
    "msg:below_threshold.exact": (
        "{points_num} points au critère « {criterion} » (exactement {exact}), sous le seuil "
        "éliminatoire de {min_num} points annoncé au règlement de la consultation"
    ),
    "msg:missing-mark": (
        "pas de note pour le critère {criterion} : le jury doit noter chaque critère"
    ),
    "msg:no-price": "prix impossible à calculer : le coût journalier ou le nombre de jours manque",
    "msg:no-price.pse": (
        "pas de prix : la PSE retenue {pse} (« {label} ») n'a pas de montant (la feuille n'a "
        "pas de colonne pour elle)"
    ),
    "msg:no-price.lump-sum": (
        "pas de prix : le lot est à prix forfaitaire et le montant HT de l'offre manque"
    ),
    "msg:award-note.provisional": "classement provisoire : pas encore d'attribution",
    "msg:award-note.no-admissible": "aucune offre admissible",
    "msg:award-note.tie": "{count} offres se partagent le rang {rank} : l'acheteur tranche",
    "msg:award-note.passed-over": "attribué à l'offre de rang {rank} (max_lots_per_candidate)",
    "msg:award-note.nobody": "aucun candidat ne peut recevoir ce lot",
    "msg:abnormally-low-skipped": (
        "Offres anormalement basses : moins de {count} offres admissibles, la méthode retenue "
        "({method_part}) ne s'applique pas ; apprécier les prix au cas par cas"
    ),
    "part:abnormal-method.none": "aucune",
    "part:abnormal-method.mean-ratio": "comparaison à la moyenne des autres offres",
    "part:abnormal-method.mean-sigma": "moyenne moins un écart type",
    "part:abnormal-method.ffb": "double moyenne, dite méthode de la FFB",
    "msg:zero-price": (
        "le prix HT {rate_num} × {days_num} = {amount_money} vaut zéro une fois arrondi au "
        "centime ; un prix doit être d'au moins 0,01 €"
    ),
    "msg:jury-decision.irregular": "déclarée irrégulière par le jury : {reason}",
    "msg:jury-decision.unacceptable": "déclarée inacceptable par le jury : {reason}",
    "msg:jury-decision.inappropriate": "déclarée inappropriée par le jury : {reason}",
    # Le fondement juridique de chaque statut qui est un motif de droit, et la note pour
    # l'acheteur qui le suit s'il y en a une. Textes du Code de la commande publique vérifiés
    # (versions en vigueur depuis le 1er avril 2019, inchangées depuis) :
    # - L2152-1 : « L'acheteur écarte les offres irrégulières, inacceptables ou inappropriées. »
    # - L2152-2 : « Une offre irrégulière est une offre qui ne respecte pas les exigences
    #   formulées dans les documents de la consultation, en particulier parce qu'elle est
    #   incomplète, ou qui méconnaît la législation applicable notamment en matière sociale et
    #   environnementale. »
    # - L2152-3 : « Une offre inacceptable est une offre dont le prix excède les crédits
    #   budgétaires alloués au marché, déterminés et établis avant le lancement de la
    #   procédure. »
    # - L2152-4 : « Une offre inappropriée est une offre sans rapport avec le marché parce
    #   qu'elle n'est manifestement pas en mesure, sans modification substantielle, de répondre
    #   au besoin et aux exigences de l'acheteur qui sont formulés dans les documents de la
    #   consultation. » (il ne renvoie à aucun article réglementaire)
    # - R2152-1 : « Dans les procédures adaptées sans négociation et les procédures d'appel
    #   d'offres, les offres irrégulières, inappropriées ou inacceptables sont éliminées. Dans
    #   les autres procédures, les offres inappropriées sont éliminées. Les offres irrégulières
    #   ou inacceptables peuvent devenir régulières ou acceptables au cours de la négociation ou
    #   du dialogue, à condition qu'elles ne soient pas anormalement basses. [...] »
    # - R2152-2 : « Dans toutes les procédures, l'acheteur peut autoriser tous les
    #   soumissionnaires concernés à régulariser les offres irrégulières dans un délai
    #   approprié, à condition qu'elles ne soient pas anormalement basses. La régularisation
    #   des offres irrégulières ne peut avoir pour effet d'en modifier des caractéristiques
    #   substantielles. »
    "msg:legal-basis.late": (
        "offre hors délai, éliminée : art. R2143-2 et R2151-5 du Code de la commande "
        "publique{note_part}"
    ),
    "msg:legal-basis.irregular": (
        "offre irrégulière : art. L2152-2 du Code de la commande publique{note_part}"
    ),
    "msg:legal-basis.unacceptable": (
        "offre inacceptable : art. L2152-3 du Code de la commande publique{note_part}"
    ),
    "msg:legal-basis.inappropriate": (
        "offre inappropriée : art. L2152-4 du Code de la commande publique{note_part}"
    ),
    "msg:legal-basis.threshold": (
        "offre éliminée : seuil éliminatoire annoncé au règlement de la consultation{note_part}"
    ),
    "part:legal-note.none": "",
    "part:legal-note.late": "",
    "part:legal-note.irregular": " (l'acheteur peut en autoriser la régularisation : art. R2152-2)",
    "part:legal-note.unacceptable": "",
    "part:legal-note.threshold": "",
    "part:legal-note.inappropriate": " (éliminée dans toutes les procédures : art. R2152-1)",
    "part:decision.irregular": "irrégulière",
    "part:decision.unacceptable": "inacceptable",
    "part:decision.inappropriate": "inappropriée",
    # problèmes de données (validate) et avertissements d'un classement
    "msg:missing-value": "cellule vide : {field_part} est obligatoire",
    "msg:missing-value.no-date": (
        "pas de date de réception : le respect de la date limite ne peut pas être vérifié pour "
        "cette offre"
    ),
    "part:field.candidate": "le nom du candidat",
    "part:field.lot": "le numéro de lot",
    "part:field.day_rate_ht": "le coût journalier HT",
    "part:field.days": "le nombre de jours",
    "part:field.price_ht": "le montant HT (le lot est à prix forfaitaire)",
    "part:field.criterion": "le critère",
    "part:field.mark": "la note",
    "part:field.evaluator": "le nom de l'évaluateur",
    "part:field.line": "le numéro de ligne",
    "part:field.unit_price": "le prix unitaire HT",
    "part:field.amount": "le montant HT",
    "msg:bad-number": (
        "{found} n'est pas un nombre ; écrivez par exemple 450, 450,50 ou 1 234,50 €"
    ),
    "msg:bad-number.days": "{found} n'est pas un nombre ; écrivez par exemple 20 ou 21,5",
    "msg:bad-number.mark": "{found} n'est pas un nombre ; écrivez par exemple 3 ou 3,5",
    "msg:bad-number.plain": "{found} n'est pas un nombre",
    "msg:bad-number.boolean": (
        "la cellule contient la valeur logique {found} : un nombre est attendu"
    ),
    "msg:bad-number.not-finite": "la cellule contient {found} : un nombre fini est attendu",
    "msg:bad-number.other": "la cellule contient {found} : un nombre est attendu",
    "msg:bad-number.foreign-digits": (
        "{found} contient des chiffres non latins ({digits}) ; tapez-le avec les chiffres 0 à 9"
    ),
    "msg:ambiguous-number": (
        "{found} est ambigu (le point ou la virgule sépare-t-il les milliers ou les "
        "décimales ?) ; écrivez 1234,50 ou 1 234,50"
    ),
    "msg:ambiguous-number.cell": (
        "{found} est ambigu (le point ou la virgule sépare-t-il les milliers ou les "
        "décimales ?) ; écrivez 1234,50 ou 1 234,50, ou indiquez comment le fichier écrit les "
        "nombres : numbers: fr (1 234,50) ou numbers: en (1,234.50) dans la consultation de "
        "lots.yaml, ou l'option --numbers fr ou --numbers en"
    ),
    "msg:wrong-number-convention.fr": (
        "{found} n'est pas un nombre écrit à la française, comme le fichier les écrit d'après le "
        "réglage des nombres (numbers: fr dans lots.yaml ou --numbers fr : 7 800,00, virgule "
        "décimale et espaces entre les milliers) ; corrigez la cellule, ou indiquez la "
        "convention qu'emploie le fichier"
    ),
    "msg:wrong-number-convention.en": (
        "{found} n'est pas un nombre écrit à l'anglaise, comme le fichier les écrit d'après le "
        "réglage des nombres (numbers: en dans lots.yaml ou --numbers en : 7,800.00, point "
        "décimal et virgules entre les milliers) ; corrigez la cellule, ou indiquez la "
        "convention qu'emploie le fichier"
    ),
    "part:amount.day-rate": "un coût journalier",
    "part:amount.days": "un nombre de jours",
    "part:amount.amount": "un montant",
    "msg:not-positive": "la cellule contient {found_num} : il faut {what_part} supérieur à 0",
    "msg:too-large": (
        "la cellule contient {found_num} : il faut {what_part} inférieur à "
        "1 000 000 000 000 (erreur de saisie ?)"
    ),
    "msg:too-many-decimals.yaml": (
        "valeur trouvée : {found_num} ; il faut {what_part} avec au plus 2 décimales"
    ),
    "msg:too-many-decimals": (
        "la cellule contient {found_num} : il faut {what_part} avec au plus 2 décimales"
    ),
    "msg:bad-rate.not-number": (
        "la cellule contient {found} : il faut un taux de TVA, par exemple 20 %, 0,2, 5,5 % ou "
        "exonéré"
    ),
    "msg:bad-rate.range": "la cellule contient {found} : il faut un taux de TVA entre 0 et 100 %",
    "msg:unusual-vat-rate": (
        "le taux de TVA {rate_num} n'est pas un taux français (20, 10, 5,5, 2,1 ou 0 %, ou en "
        "outre-mer 8,5, 1,75 ou 1,05 %) ; vérifiez la cellule"
    ),
    "msg:bad-lot": "la cellule contient {found} : il faut un numéro de lot, par exemple 3 ou Lot 3",
    "msg:bad-round": (
        "la cellule contient {found} : il faut un numéro de tour de négociation, un nombre "
        "entier à partir de 1"
    ),
    "msg:unknown-lot": "le lot {lot} n'existe pas dans lots.yaml (lots : {known})",
    "msg:unknown-lot.marks": "le lot {lot} n'existe pas dans lots.yaml",
    "msg:bad-yes-no": "la cellule contient {found} : écrivez oui ou non (ou x, 1/0)",
    "msg:bad-date": "{found} n'est pas une date valide",
    "msg:bad-date.number": (
        "la cellule contient le nombre {found} au lieu d'une date ; mettez la cellule au format "
        "date ou tapez 22/03/2018"
    ),
    "msg:bad-date.other": (
        "la cellule contient {found} : il faut une date, par exemple 22/03/2018, "
        "22/03/2018 17:30 ou 2018-03-22"
    ),
    "msg:ambiguous-date.two-digit-year": (
        "{found} a une année sur deux chiffres ; écrivez l'année en entier, par exemple 22/03/2018"
    ),
    "msg:ambiguous-date.month-first": (
        "{found} ressemble à mois/jour/année ; mettez le jour en premier, par exemple {day_first}"
    ),
    "msg:mark-out-of-range": "la note {found_num} n'est pas entre 0 et {scale_num}",
    "msg:unknown-mark-word.word": (
        "{found} n'est pas une appréciation de l'échelle de ce critère : {scale_words} (ou sa note)"
    ),
    "msg:unknown-mark-word.number": (
        "la note {found_num} n'est aucune des notes de l'échelle de ce critère : "
        "{scale_words} ; saisissez l'une de ces appréciations ou sa note"
    ),
    "msg:jury-column-in-marks": (
        "la colonne {header} est ignorée : les décisions du jury et leurs motifs se lisent "
        "dans la feuille des offres seulement ; écrivez-les sur la ligne de l'offre"
    ),
    "msg:bad-jury-decision": (
        "la cellule contient {found} : la décision du jury s'écrit irrégulière, inacceptable ou "
        "inappropriée ; laissez la cellule vide si le jury n'a rien décidé"
    ),
    "msg:jury-reason-missing": (
        "le jury a déclaré l'offre {decision_part} ({decision_cell}) sans en donner le motif : "
        "écrivez-le dans cette cellule ; la lettre au candidat doit l'indiquer"
    ),
    "msg:jury-reason-missing.no-column": (
        "le jury a déclaré l'offre {decision_part} sans en donner le motif : ajoutez une colonne "
        "« Motif de la décision » et écrivez-y le motif ; la lettre au candidat doit l'indiquer"
    ),
    "msg:jury-reason-alone": (
        "un motif sans décision du jury sur cette ligne : l'offre est évaluée comme si le jury "
        "n'avait rien décidé ; écrivez irrégulière, inacceptable ou inappropriée dans la colonne "
        "« Décision du jury », ou videz cette cellule"
    ),
    "msg:not-for-lot.mark": (
        "le lot {lot} n'est pas noté sur « {criterion} » : ce critère n'est pas parmi ceux du "
        "lot ; laissez la cellule vide"
    ),
    "msg:not-for-lot.comment": (
        "le lot {lot} n'est pas noté sur « {criterion} » : un commentaire sur ce critère n'a "
        "pas lieu d'être ; laissez la cellule vide"
    ),
    "msg:not-for-lot.document": (
        "le lot {lot} n'exige pas la pièce {document} ; laissez la cellule vide"
    ),
    "msg:not-for-lot.pse": (
        "le lot {lot} ne prévoit pas de PSE {pse} (lots.yaml) : le montant n'est pas lu ; "
        "laissez la cellule vide"
    ),
    "msg:pse-missing.some": (
        "pas de montant pour la PSE {pse} (« {label} ») du lot {lot}, chiffrée ailleurs dans "
        "le lot : {others} ; indiquez le montant HT figurant dans l'offre"
    ),
    "msg:not-for-lot.pse-lines": (
        "le lot {lot} chiffre la PSE {pse} par lignes (feuille des prix) : ce montant n'est "
        "pas lu ; laissez la cellule vide"
    ),
    "msg:pse-missing.lines-some": (
        "aucune ligne de la PSE {pse} (« {label} ») du lot {lot} n'est chiffrée dans la "
        "feuille des prix, alors que ces offres la chiffrent : {others} ; indiquez les lignes "
        "de la PSE figurant dans l'offre"
    ),
    "msg:pse-missing.lines-none": (
        "aucune ligne de la PSE {pse} (« {label} ») du lot {lot} n'est chiffrée dans la "
        "feuille des prix, et aucune offre du lot ne la chiffre ; indiquez les lignes de la "
        "PSE de chaque offre, ou retirez la PSE de lots.yaml"
    ),
    "msg:pse-missing.none": (
        "pas de montant pour la PSE {pse} (« {label} ») du lot {lot}, qu'aucune offre du lot "
        "ne chiffre ; indiquez le montant HT de chaque offre, ou retirez la PSE de lots.yaml"
    ),
    "msg:not-for-lot.price": (
        "le lot {lot} est à prix forfaitaire : {field_part} n'entre pas dans son prix (le prix "
        "est le montant HT) et n'est pas lu ; laissez la cellule vide"
    ),
    "msg:not-for-lot.marks": (
        "le lot {lot} n'est pas noté sur « {criterion} » : ce critère n'est pas parmi ceux du "
        "lot ; supprimez la ligne"
    ),
    "msg:unknown-criterion": ("{found} n'est pas un critère noté de criteria.yaml ({ids})"),
    "msg:error-cell": "la cellule contient l'erreur {error} ; corrigez-la dans la feuille",
    "msg:formula-not-computed": (
        "la formule {formula} n'a pas de valeur calculée (le fichier n'a pas été enregistré par "
        "un tableur depuis qu'il a été écrit) ; ouvrez-le et enregistrez-le dans Excel ou "
        "LibreOffice, ou tapez la valeur"
    ),
    "msg:marks-column-ignored": (
        "la feuille de notes {sheet} remplace les colonnes de notes : la colonne {column} de la "
        "feuille des offres n'est pas utilisée"
    ),
    "msg:mark-given-twice": (
        "la note du critère {criterion} est donnée ici et dans la feuille de notes ({elsewhere}) "
        ": n'en gardez qu'une"
    ),
    "msg:no-such-offer": (
        "aucune offre de {candidate} sur le lot {lot} dans la feuille des offres ; vérifiez le "
        "nom et le lot"
    ),
    "msg:no-such-offer.variant": (
        "aucune variante {variant} de {candidate} sur le lot {lot} dans la feuille des offres ; "
        "vérifiez le nom, le lot et le libellé de la variante"
    ),
    "msg:no-such-offer.round": (
        "aucune offre de {candidate} sur le lot {lot} au tour {round} dans la feuille des "
        "offres ; vérifiez le nom, le lot et le tour"
    ),
    "msg:no-such-offer.variant-round": (
        "aucune variante {variant} de {candidate} sur le lot {lot} au tour {round} dans la "
        "feuille des offres ; vérifiez le nom, le lot, le libellé de la variante et le tour"
    ),
    "msg:marks-carried-over": (
        "la feuille de notes ne donne aucune note pour le tour {round} : les notes des "
        "évaluateurs du tour {from_round} sont reprises (les notes ne sont réévaluées que si "
        "l'offre a changé ; pour la réévaluer, ajoutez à la feuille de notes des lignes du "
        "tour {round})"
    ),
    "msg:duplicate-mark": (
        "{evaluator} note deux fois {candidate} sur le critère {criterion} (aussi {elsewhere}) "
        "; n'en gardez qu'une ligne"
    ),
    # lots.yaml and criteria.yaml
    "msg:missing-key": "clé obligatoire manquante",
    "msg:unknown-key.close": "clé inconnue {key} (vouliez-vous dire {close} ?)",
    "msg:unknown-key.known": "clé inconnue {key} ; clés connues : {known}",
    "msg:not-a-mapping.empty": "il faut des paires clé : valeur ({keys}) ; le fichier est vide",
    "msg:not-a-mapping.other": "il faut des paires clé : valeur ({keys}) ; trouvé : {type_part}",
    "msg:invalid-value.greater_than": "la valeur doit être supérieure à {limit_num}{found_part}",
    "msg:invalid-value.greater_than_equal": (
        "la valeur doit être supérieure ou égale à {limit_num}{found_part}"
    ),
    "msg:invalid-value.less_than": "la valeur doit être inférieure à {limit_num}{found_part}",
    "msg:invalid-value.less_than_equal": (
        "la valeur doit être inférieure ou égale à {limit_num}{found_part}"
    ),
    "msg:invalid-value.decimal_max_places": (
        "le nombre doit avoir au plus {limit_num} décimales{found_part}"
    ),
    "msg:invalid-value.decimal_max_places_one": (
        "le nombre doit avoir au plus {limit_num} décimale{found_part}"
    ),
    "msg:invalid-value.enum": "la valeur doit être l'une de : {choices}{found_part}",
    "msg:invalid-value.decimal_parsing": "il faut un nombre{found_part}",
    "msg:invalid-value.int_parsing": "il faut un nombre entier{found_part}",
    "msg:invalid-value.int_from_float": "il faut un nombre entier, sans décimales{found_part}",
    "msg:invalid-value.string_type": "il faut un texte{found_part}",
    "msg:invalid-value.bool_parsing": "il faut true ou false{found_part}",
    "msg:invalid-value.list_type": "il faut une liste{found_part}",
    "msg:invalid-value.dict_type": "il faut des paires clé : valeur{found_part}",
    "msg:invalid-value.date_from_datetime_inexact": "il faut une date sans heure{found_part}",
    "msg:not-checked": (
        "le classeur des offres n'a pas été vérifié, car la configuration a des erreurs"
    ),
    "msg:duplicate-id.pse": (
        "l'identifiant de PSE {id} est utilisé deux fois dans ce lot (aussi pse.{also})"
    ),
    "msg:pse-undecided": (
        "indiquez si la PSE {pse} (« {label} ») est retenue : ajoutez retained: true ou "
        "retained: false (le prix comparé, donc le classement, en dépend ; il n'y a pas de "
        "valeur par défaut)"
    ),
    "msg:duplicate-id.lot": "le numéro de lot {id} est utilisé deux fois (aussi lots.{also})",
    "msg:duplicate-id.criterion": "l'identifiant de critère {id} est utilisé deux fois",
    "msg:duplicate-id.round": (
        "le tour {id} est indiqué deux fois (aussi consultation.rounds.{also})"
    ),
    "msg:round-deadline-order": (
        "la date limite du tour {round} ({deadline_date}) est antérieure à celle du tour "
        "{previous} ({previous_date}) : un tour ne peut pas se clore avant le précédent"
    ),
    "msg:missing-cap": "indiquez cap_ht, cap_ttc ou les deux (le montant maximum du lot)",
    "msg:cap-mismatch": (
        "cap_ht {cap_ht_money} × (1 + {vat_num}) = {product_money} s'écarte de cap_ttc "
        "{cap_ttc_money} de {gap_money} (plus que les {tolerance_money} qu'autorise un arrondi "
        "à l'euro) ; corrigez l'un des deux ou n'en donnez qu'un"
    ),
    "msg:weights-sum": (
        "la somme des pondérations doit faire 100 ; elle fait {weights_num} = {total_num}"
    ),
    "msg:price-criterion.some": ("un seul critère doit avoir un bloc price: ; en ont un : {ids}"),
    "msg:price-criterion.none": "exactement un critère doit avoir un bloc price: ; aucun n'en a",
    "msg:invalid-value.int_type": "il faut un nombre entier{found_part}",
    "msg:invalid-value.decimal_type": "il faut un nombre{found_part}",
    "msg:invalid-value.tuple_type": "il faut une liste{found_part}",
    "msg:invalid-value.model_type": "il faut des paires clé : valeur{found_part}",
    "msg:invalid-value.too_short_list_one": "la liste ne doit pas être vide{found_part}",
    "msg:invalid-value.other": "{detail}{found_part}",  # les mots de pydantic, cas rare
    "msg:invalid-value.identifier": (
        "un identifiant commence par une lettre, suivie de lettres, de chiffres ou de _ (sans "
        "espace ni accent){found_part}"
    ),
    "part:type.list": "une liste",
    "part:type.str": "un texte",
    "part:type.int": "un nombre entier",
    "part:type.float": "un nombre",
    "part:type.bool": "vrai ou faux",
    "part:type.other": "{found}",
    "part:found.none": "",
    "part:found.value": " (valeur trouvée : {found})",
    "part:found.date": (
        " (date trouvée : {found} ; mettez-la entre guillemets pour la garder comme texte)"
    ),
    "part:found.huge": " (valeur trouvée : un nombre de plus de {digits} chiffres)",
    # lots.yaml et criteria.yaml : syntaxe YAML et pièges de YAML 1.1
    "msg:yaml-syntax.marked": (
        "erreur de syntaxe YAML{column_part} : {problem_part} ; vérifiez l'indentation (des "
        "espaces, pas de tabulations) et les guillemets de cette ligne et de la précédente"
    ),
    "part:column.none": "",
    "part:column.at": " (colonne {column})",
    "part:yaml-problem.colon": (
        "« : » inattendu (un texte qui contient « : » doit être mis entre guillemets)"
    ),
    "part:yaml-problem.tab": "une tabulation ne peut pas commencer un élément",
    "part:yaml-problem.end": "fin du fichier inattendue (un guillemet non refermé ?)",
    "part:yaml-problem.indentation": "l'indentation ne correspond pas au bloc en cours",
    "part:yaml-problem.bracket": "une liste entre crochets [ ] n'est pas refermée",
    "part:yaml-problem.brace": "des accolades {{ }} ne sont pas refermées",
    "part:yaml-problem.other": "{problem}",
    "msg:yaml-syntax.other": "erreur YAML : {detail}",
    "msg:yaml-syntax.control": (
        "le fichier contient le caractère de contrôle {character}, que YAML n'accepte pas ; "
        "retapez la ligne"
    ),
    "msg:invalid-date": (
        "{found_part} n'est pas une date réelle ({detail_part}) ; écrivez-la AAAA-MM-JJ, ou "
        "mettez-la entre guillemets pour la garder comme texte"
    ),
    "part:date.found": "{found}",
    "part:date.unknown": "une date",
    "part:date-detail.month": "le mois doit être entre 1 et 12",
    "part:date-detail.day": "ce jour n'existe pas dans ce mois",
    "part:date-detail.other": "{detail}",
    "msg:yaml-too-large": (
        "le fichier dépasse {limit_mb} Mo, bien plus qu'il n'en faut pour une configuration "
        "(quelques kilo-octets) : vérifiez qu'il s'agit du bon fichier"
    ),
    "msg:yaml-too-deep": (
        "les données sont imbriquées ici sur plus de {limit} niveaux ; une configuration n'en "
        "demande que quelques-uns"
    ),
    "msg:yaml-alias": ("les alias YAML (*nom) ne sont pas acceptés ; écrivez la valeur en entier"),
    "msg:duplicate-key": "clé {key} en double (déjà à la ligne {first}) ; n'en gardez qu'une",
    "msg:yaml-trap.boolean": (
        "{text} est lu par YAML comme le booléen {meaning} ; mettez-le entre guillemets : '{text}'"
    ),
    "msg:yaml-trap.octal": (
        "{text} est lu par YAML comme un nombre octal ; écrivez-le sans le 0 du début"
    ),
    "msg:yaml-trap.base-60": (
        "{text} est lu par YAML comme un nombre en base 60 ; mettez-le entre guillemets : '{text}'"
    ),
    "msg:yaml-trap.thousands": (
        "{text} est lu par YAML comme le nombre {read_num} : si vous vouliez dire {meant}, "
        "écrivez-le sans le point"
    ),
    "msg:invalid-value.deadline-text": (
        "{found} n'est pas une date ; écrivez par exemple 2018-03-23 ou 2018-03-23 12:00"
    ),
    "msg:invalid-value.deadline-type": (
        "valeur trouvée : {found} ; il faut une date, par exemple 2018-03-23"
    ),
    "msg:invalid-value.deadline-zone": (
        "indiquez la date limite en heure locale, sans fuseau horaire"
    ),
    "msg:invalid-value.deadline-huge": (
        "valeur trouvée : un nombre de plus de {digits} chiffres ; il faut une date, par exemple "
        "2018-03-23"
    ),
    "msg:invalid-value.huge-number": (
        "un nombre de plus de {digits} chiffres est bien trop grand ici"
    ),
    # lots.yaml et criteria.yaml : les vérifications plus rares
    "msg:hierarchy-weight": (
        "ordering: hierarchy compare les critères dans l'ordre de la liste, sans pondération : "
        "supprimez weight"
    ),
    "msg:hierarchy-tie-break": (
        "ordering: hierarchy départage déjà les offres critère par critère : supprimez tie_break"
    ),
    "msg:invalid-value.k-not-gap": (
        "k ne sert qu'à la méthode de notation du prix gap (formula: gap) : supprimez-le"
    ),
    "msg:invalid-value.price-scale": (
        "le critère prix n'est pas noté par le jury : supprimez scale"
    ),
    "msg:invalid-value.parent-scale": (
        "{criterion} n'est pas noté par le jury, ses sous-critères le sont : donnez scale à "
        "ceux-ci, pas à lui"
    ),
    "msg:price-criterion.nested": (
        "le critère prix {criterion} doit être un critère de premier niveau, pas un sous-critère"
    ),
    "msg:price-sub-criteria": (
        "le critère prix {criterion} ne peut pas avoir de sous-critères (le bordereau de prix "
        "n'est pas encore pris en charge) : supprimez sub_criteria"
    ),
    "msg:sub-weights-sum": (
        "la somme des pondérations des sous-critères de {criterion} doit égaler sa "
        "pondération, {parent_num} ; elle fait {weights_num} = {total_num}"
    ),
    "msg:sub-weights-percent": (
        "les pondérations des sous-critères de {criterion} font 100 ({weights_num}), comme des "
        "pourcentages du critère ; or la pondération d'un sous-critère est une part du total, "
        "comme celle d'un critère : {criterion} pesant {parent_num}, écrivez {converted_num} "
        "(chaque pourcentage × {parent_num} / 100)"
    ),
    "msg:too-deep": (
        "{criterion} est au niveau {limit}, le plus profond d'un arbre de critères (critère, "
        "sous-critère et un niveau en dessous) : ses sous-critères seraient un niveau trop bas"
    ),
    "msg:hierarchy-sub-criteria": (
        "ordering: hierarchy compare des critères entiers l'un après l'autre, sans "
        "pondération : {criterion} ne peut donc pas avoir de sous-critères ; supprimez "
        "sub_criteria, ou pondérez les critères"
    ),
    "msg:unknown-criteria-set.known": (
        "jeu de critères inconnu {found} ; criteria.yaml définit ces jeux : {sets}"
    ),
    "msg:unknown-criteria-set.none": (
        "jeu de critères inconnu {found} : criteria.yaml ne définit aucun jeu (ajoutez-le sous "
        "sets:, ou supprimez criteria pour appliquer les critères par défaut)"
    ),
    "msg:unknown-criterion.tie-break": "critère inconnu {found} ; critères possibles : {ids}",
    "msg:column-clash.document": (
        "la pièce exigée {document} occuperait la même colonne que {owner_part} : renommez-la"
    ),
    "msg:column-clash.criterion": (
        "l'identifiant de critère {criterion} occuperait la même colonne que {owner_part} : "
        "renommez-le"
    ),
    "msg:column-clash.short-label": (
        "le libellé court {label} ne peut pas servir d'en-tête à la colonne de ce critère : le "
        "classeur des offres lit {owner_part} sous le même en-tête ; donnez au critère un autre "
        "libellé court (short_label)"
    ),
    "msg:scale-empty": (
        "l'échelle {scale} ne contient aucune appréciation : donnez à chacune sa note, par "
        "exemple Bien: 3"
    ),
    "msg:scale-word.empty": (
        "{word} n'est pas un mot une fois sa ponctuation et ses espaces retirés : écrivez une "
        "appréciation"
    ),
    "msg:scale-word.number": (
        "{word} est un nombre, qu'une cellule de note lit comme une note : donnez à l'échelle "
        "des mots"
    ),
    "msg:scale-word.same": (
        "{word} est la même appréciation que {first} aux majuscules, accents et ponctuation "
        "près (une cellule de note les lit de la même façon) : n'en gardez qu'une"
    ),
    "msg:scale-mark.negative": (
        "l'appréciation {word} vaut la note {mark_num} ; une note est positive ou nulle"
    ),
    "msg:scale-mark.same": (
        "les appréciations {word} et {first} valent toutes deux {mark_num} : une appréciation "
        "par note, pour que chaque document puisse dire à quelle appréciation correspond une "
        "note ; n'en gardez qu'une, ou fusionnez-les en une seule"
    ),
    "msg:scale-mark.zero": (
        "toutes les appréciations de l'échelle {scale} valent 0 : la meilleure doit valoir "
        "plus de 0 (la note la plus haute d'une échelle donne au critère tous ses points)"
    ),
    "msg:unknown-scale.known": (
        "échelle inconnue {found} ; criteria.yaml définit ces échelles : {scales}"
    ),
    "msg:unknown-scale.none": (
        "échelle inconnue {found} : criteria.yaml ne définit aucune échelle (ajoutez-la sous "
        "scales:, ou donnez à scale un nombre)"
    ),
    "msg:scale-differs.default": (
        "{criterion} est noté {here_part} ici et {there_part} dans les critères par défaut ; "
        "or il correspond à une seule colonne du classeur des offres, qui ne contient qu'une "
        "sorte de note : donnez-lui la même échelle dans chaque jeu, ou un autre identifiant"
    ),
    "msg:scale-differs.named": (
        "{criterion} est noté {here_part} ici et {there_part} dans le jeu {set} ; or il "
        "correspond à une seule colonne du classeur des offres, qui ne contient qu'une sorte de "
        "note : donnez-lui la même échelle dans chaque jeu, ou un autre identifiant"
    ),
    "part:scale-here.words": "avec les appréciations de l'échelle {here}",
    "part:scale-here.numeric": "par des nombres",
    "part:scale-there.words": "avec les appréciations de l'échelle {there}",
    "part:scale-there.numeric": "par des nombres",
    "msg:threshold-price": (
        "le critère prix {criterion} ne prend pas de min_points : ses points dépendent des prix "
        "des autres offres, et un prix se juge au regard du montant maximum du lot ; supprimez "
        "min_points"
    ),
    "msg:threshold-above-max": (
        "min_points {min_num} dépasse les {max_num} points que {criterion} peut donner "
        "({total_num} × {weight_num} / 100) : aucune offre ne pourrait l'atteindre ; donnez un "
        "seuil supérieur à 0 et d'au plus {max_num}"
    ),
    "msg:hierarchy-threshold": (
        "ordering: hierarchy ne donne pas de points : {criterion} ne peut donc pas avoir de "
        "seuil en points ; supprimez min_points"
    ),
    "part:owner.field": "la colonne {owner}",
    "part:owner.document": "la pièce exigée {owner}",
    "part:owner.criterion": "le critère {owner}",
    # unusable input (exit 2)
    "msg:file-not-found.offers": "{path} : fichier introuvable",
    "msg:file-not-found.lots": (
        "lots.yaml : fichier introuvable dans {folder} ; lancez referent dans le dossier de la "
        "consultation, ou indiquez --lots CHEMIN (ou la variable REFERENT_LOTS)"
    ),
    "msg:is-a-folder.offers": (
        "{path} : c'est un dossier ; il faut le classeur des offres (.xlsx) ou un fichier .csv"
    ),
    "msg:is-a-folder.csv": "{path} : c'est un dossier ; il faut un fichier .csv",
    "msg:file-not-found.yaml": "{path} : fichier introuvable{looked_part}",
    "part:looked.none": "",
    "part:looked.path": " (cherché à {looked})",
    "msg:is-a-folder.yaml": "{path} : c'est un dossier ; il faut un fichier YAML",
    "msg:output-exists": "{path} : le fichier existe déjà ; ajoutez --force pour le remplacer",
    "msg:output-is-input": (
        "{path} : c'est un fichier d'entrée de cette commande ({source}) ; referent refuse "
        "d'écrire par-dessus"
    ),
    "msg:output-is-folder": "{path} : c'est un dossier ; indiquez un nom de fichier où écrire",
    "msg:output-folder-missing": "{path} : le dossier {folder} n'existe pas",
    "msg:output-unwritable": "{path} : le fichier ne peut pas être écrit ({reason_part})",
    "msg:output-is-file": "{path} : c'est un fichier ; indiquez un dossier pour les lettres",
    "msg:output-special-file": (
        "{path} : c'est {kind_part}, pas un fichier ordinaire ; referent ne remplace que des "
        "fichiers ordinaires, même avec --force : indiquez un autre nom de fichier"
    ),
    "part:file.fifo": "un tube nommé (FIFO)",
    "part:file.device": "un périphérique",
    "part:file.socket": "un socket",
    "part:file.other": "un fichier spécial",
    "msg:stdout-unwritable": "la sortie standard ne peut pas être écrite ({reason_part})",
    "msg:output-trailing-separator": (
        "{path} : le chemin se termine par {separator} et désigne donc un dossier, mais ce "
        "dossier n'existe pas ; indiquez le nom du fichier à écrire, sans le {separator} final"
    ),
    "msg:output-parent-not-folder": (
        "{path} : le fichier ne peut pas être écrit : {folder} est un fichier, pas un dossier ; "
        "indiquez un chemin dans un dossier"
    ),
    "msg:unknown-report-format": (
        "{path} : le rapport s'écrit en .xlsx, en .html ou en .docx ; donnez à --out un nom qui "
        "finit par l'une de ces extensions"
    ),
    "msg:no-export-format": "{command} : choisissez ce qu'il faut exporter : --ocds",
    "msg:bad-option": (
        "{option} attend un nombre entier de {low} à {high} (valeur donnée : {found})"
    ),
    "msg:no-offers-file": (
        "{path} : aucun classeur des offres n'est indiqué ; donnez-le après la commande (par "
        "exemple `referent score offers.xlsx`) ou renseignez consultation.offers dans lots.yaml"
    ),
    "msg:unreadable-workbook": (
        "{path} : le fichier ne peut pas être lu comme un classeur ({detail})"
    ),
    "msg:two-offers-sheets.offers": (
        "{path} : les feuilles {first} et {second} portent toutes deux le nom de la feuille des "
        "offres (« offers » ou « offres »), et l'outil n'en lit qu'une : renommez ou supprimez "
        "l'autre"
    ),
    "msg:two-offers-sheets.marks": (
        "{path} : les feuilles {first} et {second} sont toutes deux des feuilles de notes des "
        "évaluateurs (une feuille marks, ou une feuille notes avec une colonne évaluateur), et "
        "l'outil n'en lit qu'une : réunissez toutes les notes dans l'une d'elles, puis renommez "
        "ou supprimez l'autre"
    ),
    "msg:malformed-workbook.xml": (
        "{path} : sa partie {part} n'est pas un XML bien formé (ligne {line}, colonne {column}) "
        ": enregistrez de nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-workbook.parts": (
        "{path} : ses parties ne sont pas là où les tableurs les placent ({detail}), et les deux "
        "lecteurs de l'outil n'en liraient pas les mêmes : enregistrez de nouveau le classeur "
        "avec Excel ou LibreOffice"
    ),
    "msg:malformed-workbook.shared-strings": (
        "{path} : sa table des textes partagés ({part}) est écrite d'une façon que les deux "
        "lecteurs de l'outil liraient différemment ({detail}) : enregistrez de nouveau le "
        "classeur avec Excel ou LibreOffice"
    ),
    "msg:sheet-too-large.columns": (
        "la cellule {cell} est au-delà de la colonne {last} : la feuille {sheet} est lue "
        "jusqu'à {limit} colonnes ; supprimez les colonnes au-delà de ses données (une cellule "
        "vide mais mise en forme compte aussi)"
    ),
    "msg:sheet-too-large.cells": (
        "avec la cellule {cell}, la feuille s'étend sur {rows} lignes et {columns} colonnes, "
        "soit plus que les {limit} cellules jusqu'où la feuille {sheet} est lue ; supprimez "
        "les lignes et les colonnes au-delà de ses données (une cellule vide mais mise en forme "
        "compte aussi)"
    ),
    "msg:malformed-sheet.xml": (
        "le XML de la feuille est endommagé à la ligne {line}, colonne {column} : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.namespace": (
        "le XML de la feuille n'est pas dans l'espace de noms des tableurs (il utilise "
        "{namespace}), et les deux lecteurs de l'outil le liraient différemment : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.misplaced": (
        "le XML de la feuille contient un élément <{element}> à un endroit où aucun tableur n'en "
        "écrit, et les deux lecteurs de l'outil le liraient différemment : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.reference": (
        "une cellule de la ligne {row} est notée {found}, ce qui n'est pas une référence de "
        "cellule (une colonne de A à XFD, puis une ligne de 1 à 1048576) : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.row-reference": (
        "une ligne porte le numéro {found} (après la ligne {previous}), qui n'est pas un numéro "
        "de ligne de 1 à 1048576 : enregistrez de nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.duplicate-row": (
        "la ligne {row} figure deux fois dans le XML de la feuille, ce qu'aucun tableur n'écrit, "
        "et les deux lecteurs de l'outil n'en garderaient pas la même copie : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.row-order": (
        "la ligne {row} figure après la ligne {previous} dans le XML de la feuille, et les deux "
        "lecteurs de l'outil ne liraient pas les lignes de la même façon (les tableurs les "
        "écrivent dans l'ordre) : enregistrez de nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.duplicate-cell": (
        "la cellule {cell} figure deux fois dans le XML de la feuille, et les deux lecteurs de "
        "l'outil n'en garderaient pas la même valeur : enregistrez de nouveau le classeur avec "
        "Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.cell-order": (
        "la cellule {cell} figure après {previous} dans le XML de la feuille, et les deux "
        "lecteurs de l'outil ne liraient pas la ligne de la même façon (les tableurs écrivent "
        "les cellules dans l'ordre) : enregistrez de nouveau le classeur avec Excel ou "
        "LibreOffice"
    ),
    "msg:malformed-sheet.cell-row": (
        "la cellule {cell} figure dans la ligne {row} du XML de la feuille, et les deux lecteurs "
        "de l'outil ne la placeraient pas au même endroit : enregistrez de nouveau le classeur "
        "avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.cell-type": (
        "le type de la cellule est noté {found}, ce qui n'est pas un type de cellule de tableur "
        ": enregistrez de nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.two-values": (
        "la cellule contient deux valeurs (ou sa formule après sa valeur) dans le XML de la "
        "feuille, et les deux lecteurs de l'outil n'en garderaient pas la même : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.value": (
        "la valeur de la cellule est écrite {found} dans le XML de la feuille, ce que les deux "
        "lecteurs de l'outil liraient différemment (un nombre, 0 ou 1 pour FAUX ou VRAI, ou le "
        "numéro d'un texte partagé, en chiffres simples) : enregistrez de nouveau le classeur "
        "avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.shared-string": (
        "la cellule contient le texte partagé numéro {found}, mais la table des textes partagés "
        "du classeur en compte {count} (numérotés à partir de 0) : enregistrez de nouveau le "
        "classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.text": (
        "le texte de la cellule est écrit dans le XML de la feuille en morceaux que les deux "
        "lecteurs de l'outil assembleraient différemment (deux textes <t>, un <t> après un "
        "segment <r>, un segment sans son <t> ou avec deux, un élément ou une section CDATA dans "
        "un texte) : enregistrez de nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.inline-text": (
        "la cellule contient un texte en ligne (<is>) mais son type est {found} et non "
        "inlineStr, et les deux lecteurs de l'outil la liraient différemment : enregistrez de "
        "nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.inline-value": (
        "la cellule est de type inlineStr mais contient une valeur <v>, et les deux lecteurs de "
        "l'outil la liraient différemment : enregistrez de nouveau le classeur avec Excel ou "
        "LibreOffice"
    ),
    "msg:malformed-sheet.date-cell": (
        "la cellule est de type d (une date écrite en texte), que les deux lecteurs de l'outil "
        "ne lisent pas de la même façon et qu'aucun tableur n'écrit (une date y est un nombre "
        "au format de date) : enregistrez de nouveau le classeur avec Excel ou LibreOffice"
    ),
    "msg:malformed-sheet.more": "et {count} autres problèmes dans le XML de la feuille",
    "msg:no-worksheet": "{path} : le classeur n'a aucune feuille de calcul visible",
    # explain : l'offre demandée
    "msg:ambiguous-candidate": (
        "{path} : {candidate} a {count} offres sur le lot {lot} (lignes {rows}) ; un candidat ne "
        "peut remettre qu'une offre par lot : corrigez le classeur (voir `referent validate`)"
    ),
    "msg:unknown-candidate": (
        "{path} : le lot {lot} n'a pas d'offre de {candidate}{close_part} (candidats du lot "
        "{lot} : {listed_part}){elsewhere_part}"
    ),
    "part:close.0": "",
    "part:close.1": " ; vouliez-vous dire {close1} ?",
    "part:close.2": " ; vouliez-vous dire {close1} ou {close2} ?",
    "part:close.3": " ; vouliez-vous dire {close1}, {close2} ou {close3} ?",
    "part:candidates.some": "{listed}",
    "part:candidates.none": "aucun",
    "part:elsewhere.none": "",
    "part:elsewhere.some": " ; {candidate} a une offre sur le lot {elsewhere}",
    # les lettres et leurs modèles
    "msg:letters-provisional": (
        "lot {lot} : le classement est provisoire (des offres n'ont pas pu être évaluées) ; "
        "corrigez le classeur des offres (voir `referent validate`) avant d'écrire les lettres : "
        "aucune lettre ne doit partir sur un résultat provisoire"
    ),
    "msg:letters-no-winner": (
        "lot {lot} : aucune offre admissible, donc aucune attribution à notifier ; les lettres "
        "ne s'écrivent que pour un lot qui a un attributaire"
    ),
    "msg:letters-tie": (
        "lot {lot} : {count} offres sont classées premières ex aequo ({names}) et le départage "
        "ne les sépare pas ; tranchez l'égalité avant d'écrire les lettres : aucune lettre ne "
        "doit partir sur un résultat à égalité"
    ),
    "msg:letters-no-award": "lot {lot} : aucune attribution : {note}",
    "msg:template-dir": "{path} : dossier de modèles introuvable",
    "msg:template-unreadable": (
        "{path} : le modèle ne peut pas être lu ({detail}) ; enregistrez-le en texte UTF-8"
    ),
    "msg:template-syntax": (
        "{path}:{line}: un « $ » qui ne commence aucun champ ; écrivez $$ pour le signe dollar, "
        "ou $nom / ${{nom}} pour un champ"
    ),
    "msg:letters-unknown-candidate": (
        "--candidate {name} : aucun candidat ne porte ce nom, dans aucun lot ; les candidats "
        "sont : {known}"
    ),
    "msg:letters-format": (
        "--format {found} : les lettres s'écrivent en docx (Word, par défaut) ou en markdown"
    ),
    "msg:letter-base.missing": (
        "{path} : le modèle de lettre (un document Word .docx) est introuvable"
    ),
    "msg:letter-base.folder": (
        "{path} : est un dossier ; le modèle de lettre est un document Word (.docx)"
    ),
    "msg:letter-base.too-large": (
        "{path} : pèse {size} Mo (un modèle de lettre est accepté jusqu'à {limit} Mo) : refusé"
    ),
    "msg:letter-base.ole2": (
        "{path} : est un ancien document Word (.doc) ou un document protégé par mot de passe ; "
        "ouvrez-le dans Word ou LibreOffice et enregistrez-le en .docx sans mot de passe"
    ),
    "msg:letter-base.not-zip": (
        "{path} : n'est pas un document Word (.docx) ; ouvrez-le dans Word ou LibreOffice et "
        "enregistrez-le en .docx"
    ),
    "msg:letter-base.damaged": (
        "{path} : document Word endommagé ({detail}) ; enregistrez-le de nouveau en .docx"
    ),
    "msg:letter-base.members": (
        "{path} : contient {count} éléments zip (un modèle de lettre en a quelques dizaines, "
        "{limit} au plus sont acceptés) : refusé"
    ),
    "msg:letter-base.duplicate": (
        "{path} : son zip contient plusieurs fois l'élément {member}, ce que Word n'écrit "
        "jamais (un fichier fabriqué ?) : refusé"
    ),
    "msg:letter-base.bomb": (
        "{path} : occuperait {size} Mo une fois décompressé (plus que les {limit} Mo acceptés ; "
        "une bombe zip ?) : refusé avant toute décompression"
    ),
    "msg:letter-base.encrypted": (
        "{path} : est protégé par mot de passe ; enregistrez-le en .docx sans mot de passe"
    ),
    "msg:letter-base.not-word": (
        "{path} : est un fichier Office ou zip mais pas un document Word ; enregistrez votre "
        "papier à en-tête en .docx"
    ),
    "msg:letter-base.entities": (
        "{path} : sa partie {part} déclare une DTD ou des entités XML, dont un document Word "
        "n'a jamais besoin et dont se servent les attaques par expansion d'entités : refusé"
    ),
    "msg:letter-base.macros": (
        "{path} : contient des macros (.docm) ; enregistrez-le en simple .docx"
    ),
    "msg:template-placeholder": "{path} : champ inconnu {listed} ; champs possibles : {known}",
    "msg:not-applicable.hierarchy": (
        "{path} : {command_part} ne s'applique pas avec ordering: hierarchy ; utilisez "
        "`referent score` ou `rank`"
    ),
    "part:needs-weights.report": "la commande report (rapport d'analyse des offres)",
    "part:needs-weights.letters": "la commande letters (lettres aux candidats)",
    "part:needs-weights.simulate": (
        "la commande simulate (les méthodes de notation du prix donnent des points, et une "
        "hiérarchie n'en a pas)"
    ),
    "part:needs-weights.sensitivity": (
        "la commande sensitivity (une hiérarchie n'a pas de pondérations à déplacer)"
    ),
    "msg:not-applicable.simulate-empty": (
        "lot {lot} : la simulation ne s'applique pas : le lot n'a aucune offre admissible à classer"
    ),
    "msg:not-applicable.pse-none": (
        "lot {lot} : pse ne s'applique pas : le lot ne prévoit aucune PSE"
    ),
    "msg:not-applicable.pse-too-many": (
        "lot {lot} : pse ne s'applique pas : le lot prévoit {count} PSE, soit {combinations} "
        "combinaisons ; la commande en compare au plus {most} ({most_combinations} "
        "combinaisons)"
    ),
    "msg:not-applicable.sensitivity": (
        "lot {lot} : l'analyse de sensibilité ne s'applique pas : {why_part}"
    ),
    "part:not-sensitive.hierarchy": "ordering: hierarchy n'a pas de pondérations à déplacer",
    "part:not-sensitive.provisional": "le classement est provisoire : corrigez d'abord le classeur",
    "part:not-sensitive.no-winner": (
        "pas d'offre classée première seule (aucune offre admissible, ou une égalité à la "
        "première place)"
    ),
    "msg:no-such-lot": "{path} : il n'y a pas de lot {lot} (lots : {known})",
    "msg:unreadable-file": "{path} : le fichier ne peut pas être lu ({reason_part})",
    "part:os.denied": "accès refusé",
    "part:os.other": "{reason}",
    "part:os.no-space": "plus de place sur le disque",
    "part:os.name-too-long": "nom de fichier trop long",
    "part:os.not-a-folder": "un élément du chemin n'est pas un dossier",
    "part:os.read-only": "disque en lecture seule",
    "part:os.missing": "fichier ou dossier introuvable",
    "part:os.loop": "trop de liens symboliques",
    "part:os.io": "erreur de lecture ou d'écriture du disque",
    "msg:unreadable-file.not-regular": (
        "{path} : ce n'est pas un fichier ordinaire (un périphérique, un tube ou une socket) ; "
        "indiquez le fichier des offres lui-même"
    ),
    "msg:file-too-large": (
        "{path} : {size} Mo, plus que les {limit} Mo qu'un fichier d'offres peut occuper : "
        "fichier refusé avant toute lecture"
    ),
    "msg:not-utf8.yaml": (
        "{path} : ce n'est pas du texte UTF-8 (octet {byte}) ; enregistrez-le en UTF-8"
    ),
    "msg:not-utf8.csv": (
        "{path} : ce n'est pas du texte UTF-8 (octet {byte}) ; dans Excel ou LibreOffice, "
        "enregistrez-le au format « CSV UTF-8 »"
    ),
    "msg:nul-bytes": (
        "{path} : le fichier contient des octets nuls : ce n'est pas un fichier CSV texte"
    ),
    "msg:bad-csv-quotes": (
        "{path} : ligne {line} : illisible en CSV ({detail}) ; vérifiez les guillemets : un "
        'champ qui commence par " doit finir par ", et un " à l\'intérieur s\'écrit ""'
    ),
    "msg:empty-file": ("{path} : le fichier est vide (0 octet) : il ne contient aucun classeur"),
    "msg:damaged-zip": (
        "{path} : le fichier est endommagé ou tronqué ({reason_part}) ; téléchargez-le ou "
        "copiez-le à nouveau, ou enregistrez-le de nouveau depuis votre tableur"
    ),
    "part:zip.crc": "la partie {part} ne correspond pas à sa somme de contrôle",
    "part:zip.cut-short": "la partie {part} s'arrête avant sa fin",
    "part:zip.header": "l'en-tête de la partie {part} est illisible",
    "part:zip.too-large": "la partie {part} a une taille invraisemblable",
    "part:zip.not-zip": "ce n'est pas une archive zip valide",
    "part:zip.structure": "la structure de l'archive zip est incohérente",
    "part:zip.inflate": "des données compressées sont corrompues",
    "part:zip.compression": "une partie utilise une méthode de compression non prise en charge",
    "part:zip.names": "le nom d'une partie est illisible",
    "part:zip.unreadable": "la lecture du fichier a échoué",
    "msg:encrypted-workbook.ole2": (
        "{path} : le classeur est protégé par un mot de passe ; ouvrez-le et enregistrez-en une "
        "copie en .xlsx sans mot de passe (Fichier > Informations > Protéger le classeur > "
        "Chiffrer avec mot de passe : laissez-le vide)"
    ),
    "msg:encrypted-workbook.zip": (
        "{path} : des parties du fichier sont chiffrées ; enregistrez-en une copie sans mot de "
        "passe"
    ),
    "msg:encrypted-workbook.ods": (
        "{path} : le classeur OpenDocument est protégé par un mot de passe ; ouvrez-le et "
        "enregistrez-en une copie sans mot de passe (Fichier > Enregistrer sous, décochez "
        "« Enregistrer avec mot de passe »)"
    ),
    "msg:encrypted-workbook.xls": (
        "{path} : le classeur Excel 97-2003 (.xls) est protégé par un mot de passe ; ouvrez-le "
        "et enregistrez-en une copie sans mot de passe, de préférence en .xlsx ou en .ods"
    ),
    "msg:damaged-xls": (
        "{path} : le classeur Excel 97-2003 (.xls) est endommagé ou tronqué ({detail_part}) ; "
        "téléchargez-le ou copiez-le à nouveau, ou enregistrez-le de nouveau depuis votre tableur"
    ),
    "part:xls-damage.short-header": "le fichier est plus court que son en-tête",
    "part:xls-damage.not-compound": "son en-tête n'est pas celui d'un fichier composé",
    "part:xls-damage.sector-beyond": "un secteur est au-delà de la fin du fichier",
    "part:xls-damage.mini-sector-beyond": "un mini-secteur est au-delà du mini-flux",
    "part:xls-damage.broken-chain": "une chaîne de secteurs est rompue",
    "part:xls-damage.record-cut": "un enregistrement est coupé",
    "part:xls-damage.stream-ends": "le flux du classeur s'arrête avant son dernier enregistrement",
    "part:xls-damage.no-bof": "le flux du classeur ne commence pas comme celui d'un classeur",
    "msg:html-file": (
        "{path} : c'est un fichier HTML ou XML qui porte un nom de classeur (certains exports "
        "web font cela), pas un .xlsx ; ouvrez-le dans votre tableur et enregistrez-le en .xlsx"
    ),
    "msg:csv-renamed": (
        "{path} : c'est un fichier texte CSV qui porte un nom de classeur ; renommez-le en .csv "
        "(referent lit aussi les offres en CSV)"
    ),
    "msg:not-a-workbook.bytes": (
        "{path} : ce n'est pas un classeur (son contenu commence par {start}) ; enregistrez les "
        "offres en .xlsx depuis votre tableur"
    ),
    "msg:not-a-workbook.zip": (
        "{path} : c'est une archive zip, mais pas un classeur (pas de [Content_Types].xml)"
    ),
    "msg:not-a-workbook.office": "{path} : c'est {kind_part}, pas un classeur",
    "part:office.word": "un document Word",
    "part:office.powerpoint": "une présentation PowerPoint",
    "part:office.other": "un fichier Office d'un autre type",
    "part:office.odf": "un document OpenDocument (texte, dessin ou présentation)",
    "msg:too-many-members": (
        "{path} : l'archive zip contient {count} éléments (un classeur en a quelques dizaines, "
        "{limit} au plus sont acceptés) : fichier refusé"
    ),
    "msg:duplicate-zip-member": (
        "{path} : l'archive zip contient plusieurs fois l'élément {member}, ce qu'un tableur "
        "n'écrit jamais (un fichier forgé ?) : fichier refusé"
    ),
    "msg:zip-bomb": (
        "{path} : une fois décompressé, il occuperait {size} Mo (plus que les {limit} Mo "
        "acceptés ; une bombe de décompression ?) : fichier refusé avant toute décompression"
    ),
    "msg:xml-entities": (
        "{path} : sa partie {part} déclare une DTD ou des entités XML, dont un classeur n'a "
        "jamais besoin et dont se servent les attaques par expansion d'entités : fichier refusé"
    ),
    "msg:unusual-compression": (
        "{path} : sa partie {part} utilise une compression qu'aucun tableur n'utilise : fichier "
        "refusé"
    ),
    "msg:zip-size-mismatch": (
        "{path} : sa partie {part} n'a pas la taille que déclare le répertoire de l'archive zip "
        "({size} octets) : fichier endommagé ou forgé, refusé"
    ),
    "msg:damaged-workbook": (
        "{path} : la partie principale du classeur ne peut pas être lue ({detail})"
    ),
    "msg:control-character.one": (
        "la cellule contient le caractère {control}, un caractère de contrôle ou un "
        "non-caractère qu'aucun classeur ne peut contenir ; retapez-la"
    ),
    "msg:control-character.several": (
        "la cellule contient les caractères {control}, des caractères de contrôle ou des "
        "non-caractères qu'aucun classeur ne peut contenir ; retapez-la"
    ),
    "msg:invisible-character.one": (
        "la cellule contient le caractère invisible {characters} : l'outil n'en tient pas "
        "compte pour comparer les noms, les lots et les critères, mais le texte n'est plus "
        "celui qu'on voit ; retapez la cellule sans ce caractère"
    ),
    "msg:invisible-character.several": (
        "la cellule contient les caractères invisibles {characters} : l'outil n'en tient pas "
        "compte pour comparer les noms, les lots et les critères, mais le texte n'est plus "
        "celui qu'on voit ; retapez la cellule sans ces caractères"
    ),
    "msg:duplicate-offer": (
        "{candidate} a plusieurs offres sur le lot {lot} (voir aussi {others}) ; gardez une "
        "seule ligne par candidat et par lot"
    ),
    "msg:duplicate-offer.variant": (
        "{candidate} a plusieurs variantes « {variant} » sur le lot {lot} (voir aussi {others}) ; "
        "donnez à chaque variante son propre libellé"
    ),
    "msg:duplicate-offer.round": (
        "{candidate} a plusieurs offres au tour {round} sur le lot {lot} (voir aussi {others}) ; "
        "gardez une seule ligne par candidat, lot et tour"
    ),
    "msg:duplicate-offer.variant-round": (
        "{candidate} a plusieurs variantes « {variant} » au tour {round} sur le lot {lot} (voir "
        "aussi {others}) ; gardez une seule ligne par variante et par tour"
    ),
    "msg:round-order": (
        "le tour {round} de {candidate} sur le lot {lot} a été reçu le {received_date}, avant "
        "son tour {previous} ({previous_date}) : un tour ne peut pas précéder le précédent ; "
        "corrigez le numéro du tour ou la date"
    ),
    "msg:round-gap.first": (
        "la première offre de {candidate} sur le lot {lot} est celle du tour {round} : le tour "
        "{missing} manque"
    ),
    "msg:round-gap.after": (
        "{candidate} passe du tour {previous} au tour {round} sur le lot {lot} : le tour "
        "{missing} manque"
    ),
    "msg:similar-candidates": (
        "{name} ne diffère de {others} que par les majuscules, les espaces ou les accents : "
        "s'il s'agit du même candidat, écrivez son nom de la même façon"
    ),
    "msg:hidden-row": "cette ligne est masquée dans la feuille ; elle est lue quand même",
    "msg:hidden-column": (
        "la colonne {letter} ({field}) est masquée dans la feuille ; elle est lue quand même"
    ),
    "msg:hidden-sheet": "la feuille {name} est masquée dans le classeur ; elle est lue quand même",
    "msg:merged-cells": (
        "les cellules {cells} sont fusionnées : seule {first} contient une valeur, les autres "
        "sont lues vides ; annulez la fusion et remplissez chaque cellule"
    ),
    "msg:merged-cells.header": (
        "les cellules d'en-tête {cells} sont fusionnées : annulez la fusion, un en-tête par colonne"
    ),
    "msg:unknown-column": "la colonne {header} n'est pas utilisée par l'outil ; elle est ignorée",
    "msg:suspicious-column": (
        "la colonne {header} n'est pas une colonne connue ; vouliez-vous dire {probable} ? Si "
        "oui, corrigez l'en-tête ; sinon, donnez-lui un en-tête que l'outil n'utilise pas"
    ),
    "msg:suspicious-column.named": (
        "la colonne {header} n'est pas une colonne connue ; vouliez-vous dire {probable} "
        "({column}) ? Si oui, corrigez l'en-tête ; sinon, donnez-lui un en-tête que l'outil "
        "n'utilise pas"
    ),
    "msg:suspicious-column.about": (
        "la colonne {header} n'est pas lue par l'outil, mais son nom porte sur {about_part}, "
        "dont l'évaluation a besoin : l'ignorer pourrait changer le résultat. Si elle contient "
        "cette donnée, intitulez-la {probable} ; sinon, {fix_part}"
    ),
    "part:about.candidate": "le candidat",
    "part:about.lot": "le lot",
    "part:about.day_rate_ht": "le coût journalier HT",
    "part:about.days": "le nombre de jours",
    "part:about.vat_rate": "la TVA",
    "part:about.ttc": (
        "la TVA (l'outil calcule les prix TTC à partir du prix HT et du taux de TVA de chaque "
        "offre)"
    ),
    "part:about.price_ht": "le prix",
    "part:about.received_at": "la date de réception de l'offre",
    "part:about.document": "la pièce exigée {document}",
    "part:about.criterion": "les notes du jury pour {criterion}",
    "part:fix.sheet": "supprimez la colonne ou déplacez-la dans une autre feuille",
    "part:fix.csv": "supprimez la colonne",
    "msg:duplicate-column": (
        "la colonne {header} est la même colonne que {first} : n'en gardez qu'une"
    ),
    "msg:missing-column.field": (
        "aucune colonne pour {what_part} ({field}) : ajoutez une colonne intitulée "
        "l'une de : {names}{hint_part}"
    ),
    "msg:missing-column.document": (
        "aucune colonne pour la pièce exigée {document} (lots.yaml) : ajoutez une colonne "
        "{document} indiquant oui/non pour chaque offre{hint_part}"
    ),
    "msg:missing-column.pse": (
        "pas de colonne pour la PSE {pse} (« {label} », lots.yaml) : ajoutez une colonne "
        "intitulée {pse} avec le montant HT indiqué par chaque offre de son lot"
    ),
    "msg:missing-column.criterion": (
        "aucune colonne pour les notes du critère {criterion} (criteria.yaml) : ajoutez une "
        "colonne {criterion} avec la note du jury pour chaque offre{hint_part}"
    ),
    "msg:missing-column.marks": (
        "la feuille des notes n'a pas de colonne pour {field} : ajoutez-en une intitulée {names}"
    ),
    "part:hint.none": "",
    "part:hint.typo": " ({hint_cell} {hint_header} semble être celle-ci)",
    "part:hint.sheet": (
        " (la feuille {hint_sheet} en a une : nommez la feuille des offres « offers » pour que "
        "ce soit elle qui soit lue)"
    ),
    "msg:no-header": "cette cellule n'a pas d'en-tête au-dessus d'elle ; elle est ignorée",
    "msg:no-header.several": (
        "{count} cellules de cette ligne, de {first} à {last}, n'ont pas d'en-tête au-dessus "
        "d'elles ; elles sont ignorées"
    ),
    "msg:no-offers": "la feuille n'a aucune ligne d'offre sous son en-tête",
    "msg:empty-sheet": (
        "la feuille n'a pas de ligne d'en-tête : la ligne 1 doit nommer les colonnes (candidate, "
        "lot, day_rate_ht, days...)"
    ),
    "msg:price-mismatch": (
        "le prix HT indiqué, {stated_money}, diffère du coût journalier × nombre de jours = "
        "{rate_money} × {days_num} = {amount_money} ; le prix unitaire prévaut"
    ),
    "part:cap.within": "en dessous",
    "part:cap.over": "au-dessus",
    "msg:other-cap": (
        "prix {side_part} du montant maximum {basis} du lot ({price_money} pour {cap_money}), "
        "mais {checked_part} du montant maximum {checked_basis}, le seul que le règlement fait "
        "contrôler"
    ),
    "msg:received-time-unknown": (
        "reçue le jour de la date limite, sans heure ; la date limite est {deadline_date} : "
        "vérifiez qu'elle est arrivée à temps"
    ),
    "msg:abnormally-low": (
        "le prix est peut-être anormalement bas ({explanation_part}) ; avant tout rejet, la loi "
        "impose de demander au candidat de le justifier (art. L2152-5 et R2152-3 du Code de la "
        "commande publique)"
    ),
    "part:abnormal.mean-ratio": (
        "comparaison à la moyenne des autres offres : {price_money} < {ratio_num} × "
        "{others_money} (moyenne des {count} autres offres admissibles) = {threshold_money}"
    ),
    "part:abnormal.mean-sigma": (
        "moyenne moins un écart type : {price_money} < moyenne {mean_money} − écart type "
        "{sigma_money} = {threshold_money}"
    ),
    "part:abnormal.ffb": (
        "double moyenne, dite méthode de la FFB : {price_money} ≤ 0,9 × {second_money} (moyenne "
        "des {count} offres qui ne dépassent pas de plus de 20\u00a0% la moyenne {first_money}) = "
        "{threshold_money}"
    ),
    "msg:lot-limit": (
        "classée {rank}e sur le lot {lot}, mais le candidat a déjà obtenu le lot {earlier} : un "
        "candidat peut remporter au plus {limit} {limit:lot|lots} (max_lots_per_candidate)"
    ),
    "msg:missing-evaluator-mark": (
        "pas de note de {evaluators} pour le critère {criterion} : chaque évaluateur doit noter "
        "{candidate} sur le lot {lot} (feuille des notes)"
    ),
    "msg:marks-divergence": (
        "les notes des évaluateurs sur le critère {criterion} s'écartent de {spread_num} (plus "
        "de {threshold_num}) : {listed_marks} ; le jury doit en débattre avant de signer"
    ),
    "msg:vat-basis.same": (
        "lot {lot} : les prix sont comparés HT alors que les taux de TVA de ses offres "
        "admissibles diffèrent ; comparés TTC, ce que paie l'acheteur, le premier rang ne "
        "changerait pas ({ht_first})"
    ),
    "msg:vat-basis.tie": (
        "lot {lot} : les prix sont comparés HT alors que les taux de TVA de ses offres "
        "admissibles diffèrent ; comparés TTC, ce que paie l'acheteur, {ttc_first} seraient à "
        "égalité au premier rang, sans que le départage les sépare, au lieu de {ht_first} seul "
        "en tête"
    ),
    "msg:vat-basis.changes": (
        "lot {lot} : les prix sont comparés HT alors que les taux de TVA de ses offres "
        "admissibles diffèrent ; comparés TTC, ce que paie l'acheteur, le premier rang "
        "reviendrait à {ttc_first} au lieu de {ht_first}"
    ),
    # modèles de prix schedule (BPU × DQE) et dpgf : les lignes de lots.yaml et la feuille des prix
    "msg:no-lines": (
        "pas de prix : le lot {lot} est chiffré ligne par ligne et la feuille des prix n'a "
        "aucune ligne pour cette offre"
    ),
    "msg:arithmetic-error.schedule": (
        "erreur matérielle : le total HT indiqué, {stated_money}, diffère de la somme des lignes "
        "(prix unitaire × quantité, chacune arrondie au centime), {recomputed_money}"
        "{lines_part} ; {rule_part}"
    ),
    "msg:arithmetic-error.dpgf": (
        "erreur matérielle : le montant forfaitaire HT indiqué, {stated_money}, diffère de la "
        "somme des lignes de la DPGF, {recomputed_money} ; {rule_part}"
    ),
    "part:arith-lines.none": (
        " (aucun montant de ligne indiqué ne l'explique : c'est le total qui est mal additionné)"
    ),
    "part:arith-lines.one": (
        " (ligne {lines} : son montant indiqué n'est pas prix unitaire × quantité)"
    ),
    "part:arith-lines.some": (
        " (lignes {lines} : leur montant indiqué n'est pas prix unitaire × quantité)"
    ),
    "part:prevails.unit_price": (
        "les prix unitaires prévalent (prevails: unit_price dans lots.yaml) : l'offre est "
        "évaluée sur {price_money}"
    ),
    "part:prevails.stated_total": (
        "le total indiqué prévaut (prevails: stated_total dans lots.yaml) : l'offre est évaluée "
        "sur {price_money}"
    ),
    "part:prevails-dpgf.unit_price": (
        "les lignes prévalent (prevails: unit_price dans lots.yaml) : l'offre est évaluée sur "
        "{price_money}"
    ),
    "part:prevails-dpgf.stated_total": (
        "le montant forfaitaire indiqué prévaut (prevails: stated_total dans lots.yaml) : "
        "l'offre est évaluée sur {price_money}"
    ),
    "part:amount.unit-price": "un prix unitaire",
    "msg:not-for-lot.price-lines": (
        "le lot {lot} est chiffré ligne par ligne (feuille des prix) : {field_part} n'entre pas "
        "dans son prix et n'est pas lu ; laissez la cellule vide"
    ),
    "msg:prices-sheet-missing.workbook": (
        "des offres portent sur des lots chiffrés ligne par ligne (price_model schedule ou "
        "dpgf ; lots : {lots}), mais le classeur n'a pas de feuille des prix : ajoutez une "
        "feuille nommée prix (ou bpu, dqe, dpgf) avec une ligne par offre et par ligne de prix "
        "(referent template l'écrit)"
    ),
    "msg:prices-sheet-missing.csv": (
        "des lots sont chiffrés ligne par ligne (price_model schedule ou dpgf ; lots : {lots}), "
        "ce qu'un fichier CSV ne peut contenir : fournissez les offres dans un classeur .xlsx "
        "avec une feuille des prix (prix) à côté de la feuille des offres (referent template "
        "écrit les deux)"
    ),
    "msg:missing-column.prices": (
        "la feuille des prix n'a pas de colonne pour {field} : ajoutez-en une intitulée {names}"
    ),
    "msg:unknown-lot.prices": "le lot {lot} n'existe pas dans lots.yaml",
    "msg:not-for-lot.prices": (
        "le lot {lot} n'est pas chiffré ligne par ligne (price_model: {model}) : ses lignes de "
        "la feuille des prix ne sont pas lues"
    ),
    "msg:no-such-offer.prices": (
        "aucune offre de {candidate} sur le lot {lot} (tour {round}) dans la feuille des offres "
        "pour ces prix ; vérifiez le nom, le lot et le tour"
    ),
    "msg:no-such-offer.prices-variant": (
        "aucune variante {variant} de {candidate} sur le lot {lot} (tour {round}) dans la "
        "feuille des offres pour ces prix ; vérifiez le nom, le lot, la variante et le tour"
    ),
    "msg:line-priced-twice": (
        "la ligne {line} de l'offre de {candidate} sur le lot {lot} est chiffrée deux fois : "
        "{cell} et {other} ; n'en gardez qu'une"
    ),
    "msg:line-missing": (
        "l'offre de {candidate} sur le lot {lot} ne chiffre pas la ligne {line} ({label}) : la "
        "feuille des prix n'a pas de ligne pour elle, l'offre n'a donc pas de prix"
    ),
    "msg:line-not-in-lot": (
        "la ligne {line} n'est pas une ligne du lot {lot} dans lots.yaml ({known}) : elle n'est "
        "pas comptée"
    ),
    "msg:lot-lines.model": (
        "le lot {lot} est chiffré selon {model} : les lignes (lines) ne sont lues que pour "
        "price_model schedule ou dpgf ; supprimez-les ou changez price_model"
    ),
    "msg:lot-lines.empty-schedule": (
        "le lot {lot} est chiffré sur bordereau de prix (price_model: schedule) : donnez son "
        "DQE sous lines, chaque ligne avec id, label, unit et quantity"
    ),
    "msg:lot-lines.empty-dpgf": (
        "le lot {lot} est chiffré sur DPGF (price_model: dpgf) : donnez ses lignes sous lines, "
        "chacune avec id et label"
    ),
    "msg:lot-lines.pse-empty": (
        "la PSE {pse} a une liste de lignes vide : donnez ses lignes, ou retirez lines pour "
        "qu'elle soit chiffrée au forfait dans la feuille des offres"
    ),
    "msg:lot-lines.twice": "la ligne {line} figure deux fois dans le lot (aussi {also})",
    "msg:lot-lines.no-quantity": (
        "la ligne {line} n'a pas de quantité : chaque ligne d'un DQE (price_model: schedule) en "
        "a une"
    ),
    "msg:lot-lines.dpgf-quantity": (
        "la ligne {line} a une quantité, mais le lot est une DPGF (price_model: dpgf) dont les "
        "offres indiquent le montant de chaque ligne : supprimez la quantité, ou choisissez "
        "price_model: schedule"
    ),
    "msg:two-offers-sheets.prices": (
        "{path} : les feuilles {first} et {second} sont toutes deux des feuilles de prix (prix, "
        "bpu, dqe, dpgf), et l'outil n'en lit qu'une : réunissez toutes les lignes dans l'une "
        "d'elles, puis renommez ou supprimez l'autre"
    ),
}
