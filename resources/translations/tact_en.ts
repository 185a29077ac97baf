<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FindBar</name>
    <message>
        <source>Rechercher</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Remplacer par</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>Respecter la casse</source>
        <translation>Match case</translation>
    </message>
    <message>
        <source>Précédent</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Suivant</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Tout remplacer</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Introuvable</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>{n} remplacement(s)</source>
        <translation>{n} replacement(s)</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Ordre du texte</source>
        <translation>Text order</translation>
    </message>
    <message>
        <source>Par gravité</source>
        <translation>By severity</translation>
    </message>
    <message>
        <source>Par catégorie</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>Toutes gravités</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>Toutes catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Signalement</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Aucun signalement.</source>
        <translation>No findings.</translation>
    </message>
    <message>
        <source>{e} erreur(s) · {w} avertissement(s) · {i} info(s)</source>
        <translation>{e} error(s) · {w} warning(s) · {i} info</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Espace de travail</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Signalements</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Vérification impossible&#xa0;: {m}</source>
        <translation>Check failed: {m}</translation>
    </message>
    <message>
        <source>Ouverture impossible</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>«&#xa0;{p}&#xa0;» n&apos;existe pas.</source>
        <translation>“{p}” does not exist.</translation>
    </message>
    <message>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Nouvelle publication</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>Titre de la publication&#xa0;:</source>
        <translation>Post title:</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nouveau nom du fichier&#xa0;:</source>
        <translation>New file name:</translation>
    </message>
    <message>
        <source>Brouillon restauré&#xa0;: enregistrez-le pour le conserver.</source>
        <translation>Draft restored: save it to keep it.</translation>
    </message>
    <message>
        <source>{n} fichier(s) de règles en erreur, ignoré(s)&#xa0;: {where}</source>
        <translation>{n} rule file(s) with errors, ignored: {where}</translation>
    </message>
    <message>
        <source>{e} erreur(s), {w} avertissement(s), {i} info(s), {s} faute(s) possible(s)</source>
        <translation>{e} error(s), {w} warning(s), {i} info, {s} possible misspelling(s)</translation>
    </message>
    <message>
        <source>«&#xa0;{w}&#xa0;» ajouté au dictionnaire.</source>
        <translation>“{w}” added to the dictionary.</translation>
    </message>
    <message>
        <source>{w} mots · {c} caractères</source>
        <translation>{w} words · {c} characters</translation>
    </message>
    <message>
        <source>Lien non suivi&#xa0;: {u}</source>
        <translation>Link not followed: {u}</translation>
    </message>
    <message>
        <source>À propos de Tact</source>
        <translation>About Tact</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tact&lt;/b&gt; — rédaction de publications médicales avec vérification des règles françaises de communication des médecins.&lt;br&gt;Règles&#xa0;: {v}</source>
        <translation>&lt;b&gt;Tact&lt;/b&gt; — writing medical posts checked against the French rules on doctors&apos; communication.&lt;br&gt;Rules: {v}</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Remplacer par «&#xa0;{s}&#xa0;»</source>
        <translation>Replace with “{s}”</translation>
    </message>
    <message>
        <source>Ajouter au dictionnaire</source>
        <translation>Add to dictionary</translation>
    </message>
    <message>
        <source>Expliquer la règle</source>
        <translation>Explain the rule</translation>
    </message>
    <message>
        <source>Suggestion&#xa0;: {s}</source>
        <translation>Suggestion: {s}</translation>
    </message>
</context>
<context>
    <name>PostSession</name>
    <message>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Impossible d&apos;ouvrir le fichier</source>
        <translation>Cannot open the file</translation>
    </message>
    <message>
        <source>Enregistrement impossible</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Enregistré&#xa0;: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Nom de fichier invalide.</source>
        <translation>Invalid file name.</translation>
    </message>
    <message>
        <source>Un fichier «&#xa0;{name}&#xa0;» existe déjà.</source>
        <translation>A file “{name}” already exists.</translation>
    </message>
    <message>
        <source>Impossible de renommer ({detail}).</source>
        <translation>Cannot rename ({detail}).</translation>
    </message>
    <message>
        <source>Brouillon de secours impossible&#xa0;: {detail}</source>
        <translation>Cannot write the recovery draft: {detail}</translation>
    </message>
    <message>
        <source>«&#xa0;{name}&#xa0;» a été supprimé ou déplacé sur le disque&#x202f;; votre texte reste ouvert.</source>
        <translation>“{name}” was deleted or moved on disk; your text stays open.</translation>
    </message>
    <message>
        <source>Version du disque ignorée&#xa0;: la vôtre est conservée.</source>
        <translation>Disk version ignored: yours is kept.</translation>
    </message>
    <message>
        <source>Impossible de recharger</source>
        <translation>Cannot reload</translation>
    </message>
    <message>
        <source>«&#xa0;{name}&#xa0;» rechargé depuis le disque.</source>
        <translation>“{name}” reloaded from disk.</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>«&#xa0;{name}&#xa0;» a été modifié. Enregistrer les modifications&#x202f;?</source>
        <translation>“{name}” has been modified. Save the changes?</translation>
    </message>
    <message>
        <source>Si vous n&apos;enregistrez pas, vos modifications seront perdues.</source>
        <translation>If you don&apos;t save, your changes will be lost.</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Ne pas enregistrer</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fichier modifié ailleurs</source>
        <translation>File changed elsewhere</translation>
    </message>
    <message>
        <source>«&#xa0;{name}&#xa0;» a été modifié sur le disque par un autre programme.</source>
        <translation>“{name}” was changed on disk by another program.</translation>
    </message>
    <message>
        <source>Vous avez aussi des modifications non enregistrées. Recharger la version du disque (vos modifications seront perdues) ou garder la vôtre&#x202f;?</source>
        <translation>You also have unsaved changes. Reload the disk version (your changes will be lost) or keep yours?</translation>
    </message>
    <message>
        <source>Recharger depuis le disque</source>
        <translation>Reload from disk</translation>
    </message>
    <message>
        <source>Garder ma version</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <source>Conflit d&apos;enregistrement</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <source>«&#xa0;{name}&#xa0;» a été modifié sur le disque depuis son ouverture.</source>
        <translation>“{name}” has changed on disk since it was opened.</translation>
    </message>
    <message>
        <source>Enregistrer remplacera la version du disque par la vôtre.</source>
        <translation>Saving will replace the disk version with yours.</translation>
    </message>
    <message>
        <source>Remplacer</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Récupération</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <source>Tact s&apos;est arrêté alors que des textes n&apos;étaient pas enregistrés.</source>
        <translation>Tact stopped while some text was unsaved.</translation>
    </message>
    <message>
        <source>Brouillons récupérables&#xa0;: {names}. Les rouvrir&#x202f;?</source>
        <translation>Recoverable drafts: {names}. Reopen them?</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Ignorer</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Ouvrir un lien</source>
        <translation>Open a link</translation>
    </message>
    <message>
        <source>Ouvrir ce lien dans votre navigateur&#x202f;?</source>
        <translation>Open this link in your browser?</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ouvrir une publication</source>
        <translation>Open a post</translation>
    </message>
    <message>
        <source>Publications Markdown (*.md);;Tous les fichiers (*)</source>
        <translation>Markdown posts (*.md);;All files (*)</translation>
    </message>
    <message>
        <source>Ouvrir un espace de travail</source>
        <translation>Open a workspace</translation>
    </message>
    <message>
        <source>Enregistrer sous</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Publications Markdown (*.md)</source>
        <translation>Markdown posts (*.md)</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Expliquer la règle</source>
        <translation>Explain the rule</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fondement&#xa0;:</source>
        <translation>Legal basis:</translation>
    </message>
    <message>
        <source>Suggestion&#xa0;:</source>
        <translation>Suggestion:</translation>
    </message>
    <message>
        <source>Exemples signalés&#xa0;:</source>
        <translation>Flagged examples:</translation>
    </message>
    <message>
        <source>Exemples acceptés&#xa0;:</source>
        <translation>Accepted examples:</translation>
    </message>
</context>
<context>
    <name>WorkspacePanel</name>
    <message>
        <source>Publication</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aucun espace de travail</source>
        <translation>No workspace</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;Nouvelle publication…</source>
        <translation>&amp;New post…</translation>
    </message>
    <message>
        <source>&amp;Ouvrir une publication…</source>
        <translation>&amp;Open a post…</translation>
    </message>
    <message>
        <source>Ouvrir un &amp;espace de travail…</source>
        <translation>Open a &amp;workspace…</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Enregistrer &amp;sous…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>&amp;Renommer…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Co&amp;uper</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copier</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>C&amp;oller</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>Tout &amp;sélectionner</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <source>&amp;Rechercher…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>Rem&amp;placer…</source>
        <translation>R&amp;eplace…</translation>
    </message>
    <message>
        <source>Occurrence &amp;suivante</source>
        <translation>Find &amp;next</translation>
    </message>
    <message>
        <source>Occurrence &amp;précédente</source>
        <translation>Find pre&amp;vious</translation>
    </message>
    <message>
        <source>&amp;Vérifier maintenant</source>
        <translation>&amp;Check now</translation>
    </message>
    <message>
        <source>Zoom &amp;avant</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom a&amp;rrière</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Taille &amp;normale</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <source>&amp;Aperçu</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <source>À &amp;propos de Tact</source>
        <translation>&amp;About Tact</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Espaces &amp;récents</source>
        <translation>&amp;Recent workspaces</translation>
    </message>
    <message>
        <source>&amp;Édition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Erreurs</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Avertissements</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Informations</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Avant/après</source>
        <translation>Before/after</translation>
    </message>
    <message>
        <source>Superlatifs</source>
        <translation>Superlatives</translation>
    </message>
    <message>
        <source>Allégations trompeuses</source>
        <translation>Misleading claims</translation>
    </message>
    <message>
        <source>Prix et promotions</source>
        <translation>Prices and discounts</translation>
    </message>
    <message>
        <source>Témoignages</source>
        <translation>Testimonials</translation>
    </message>
    <message>
        <source>Notes et avis</source>
        <translation>Ratings and reviews</translation>
    </message>
    <message>
        <source>Comparaisons</source>
        <translation>Comparisons</translation>
    </message>
    <message>
        <source>Incitations</source>
        <translation>Incentives</translation>
    </message>
    <message>
        <source>Marques de produits</source>
        <translation>Product brands</translation>
    </message>
    <message>
        <source>Identité des patients</source>
        <translation>Patient identity</translation>
    </message>
    <message>
        <source>Titres</source>
        <translation>Titles</translation>
    </message>
    <message>
        <source>Partenariats</source>
        <translation>Sponsorship</translation>
    </message>
    <message>
        <source>Sollicitation</source>
        <translation>Solicitation</translation>
    </message>
    <message>
        <source>Dignité</source>
        <translation>Dignity</translation>
    </message>
    <message>
        <source>Délai de réflexion</source>
        <translation>Reflection period</translation>
    </message>
    <message>
        <source>Images retouchées</source>
        <translation>Retouched images</translation>
    </message>
    <message>
        <source>Liens d&apos;intérêts</source>
        <translation>Conflicts of interest</translation>
    </message>
    <message>
        <source>Consentement</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Mineurs</source>
        <translation>Minors</translation>
    </message>
    <message>
        <source>Orthographe</source>
        <translation>Spelling</translation>
    </message>
    <message>
        <source>Réseaux</source>
        <translation>Networks</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>Ce fichier est binaire (image, document…)&#xa0;: ce n&apos;est pas une publication en texte.</source>
        <translation>This file is binary (image, document…): it is not a text post.</translation>
    </message>
    <message>
        <source>Ce fichier n&apos;est pas encodé en UTF-8 ({detail}). Ouvrez-le dans un autre éditeur et enregistrez-le en UTF-8 avant de le modifier ici.</source>
        <translation>This file is not UTF-8 text ({detail}). Open it in another editor and save it as UTF-8 before editing it here.</translation>
    </message>
    <message>
        <source>Ce fichier ne peut pas être lu ({detail}).</source>
        <translation>This file cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>C&apos;est un dossier, pas un fichier.</source>
        <translation>This is a folder, not a file.</translation>
    </message>
    <message>
        <source>Ce fichier est trop volumineux pour une publication ({size} Mo&#x202f;; limite {limit} Mo). Il n&apos;a pas été ouvert.</source>
        <translation>This file is too large for a post ({size} MB; limit {limit} MB). It was not opened.</translation>
    </message>
    <message>
        <source>Ce fichier n&apos;existe pas (ou plus).</source>
        <translation>This file does not exist (any more).</translation>
    </message>
    <message>
        <source>Vous n&apos;avez pas le droit de lire ce fichier.</source>
        <translation>You are not allowed to read this file.</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire dans ce dossier ({detail}). Le fichier précédent n&apos;a pas été modifié.</source>
        <translation>Cannot write in this folder ({detail}). The previous file was not changed.</translation>
    </message>
    <message>
        <source>L&apos;écriture a échoué ({detail})&#xa0;: disque plein&#x202f;? Le fichier précédent n&apos;a pas été modifié.</source>
        <translation>Writing failed ({detail}): disk full? The previous file was not changed.</translation>
    </message>
    <message>
        <source>L&apos;enregistrement n&apos;a pas pu être terminé ({detail}). Le fichier précédent n&apos;a pas été modifié.</source>
        <translation>Saving could not be completed ({detail}). The previous file was not changed.</translation>
    </message>
</context>
</TS>
