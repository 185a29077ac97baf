<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accepter le signalement</source>
        <translation>Accept the finding</translation>
    </message>
    <message>
        <source>Pourquoi ce passage peut rester tel quel (obligatoire)</source>
        <translation>Why this passage can stay as it is (required)</translation>
    </message>
    <message>
        <source>Accepter</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Motif&#xa0;:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Justification&#xa0;:</source>
        <translation>Justification:</translation>
    </message>
</context>
<context>
    <name>CardsView</name>
    <message>
        <source>Afficher les parties suivantes ({n} de plus)</source>
        <translation>Show the next parts ({n} more)</translation>
    </message>
</context>
<context>
    <name>CommentsWidget</name>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Commenter la sélection…</source>
        <translation>Comment on the selection…</translation>
    </message>
    <message>
        <source>Répondre…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <source>Résoudre</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>ExportRefusedDialog</name>
    <message>
        <source>Export refusé</source>
        <translation>Export refused</translation>
    </message>
    <message>
        <source>Rien n’a été exporté&#xa0;: la publication n’est pas approuvée.</source>
        <translation>Nothing was exported: the post is not approved.</translation>
    </message>
    <message>
        <source>Rien n’a été exporté&#xa0;: un passage doit être corrigé, ou accepté lors de la relecture avec une raison écrite.</source>
        <translation>Nothing was exported: one passage must be corrected, or accepted in the review with a written reason.</translation>
    </message>
    <message>
        <source>Rien n’a été exporté&#xa0;: {n} passages doivent être corrigés, ou acceptés lors de la relecture avec une raison écrite.</source>
        <translation>Nothing was exported: {n} passages must be corrected, or accepted in the review with a written reason.</translation>
    </message>
    <message>
        <source>Aller au passage</source>
        <translation>Go to the passage</translation>
    </message>
    <message>
        <source>Fermer et sélectionner ce passage dans le texte</source>
        <translation>Close and select this passage in the text</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExportsDialog</name>
    <message>
        <source>Exports et copies de la publication</source>
        <translation>Exports and copies of the post</translation>
    </message>
    <message>
        <source>Envoi&#xa0;:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>Réseau&#xa0;:</source>
        <translation>Network:</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cette publication n&apos;a encore été ni exportée ni copiée.</source>
        <translation>This post has not been exported or copied yet.</translation>
    </message>
    <message>
        <source>Barré en rouge&#xa0;: dans le texte approuvé seulement&#xa0;; en vert&#xa0;: ajouté pour le réseau.</source>
        <translation>Struck through in red: only in the approved text; in green: added for the network.</translation>
    </message>
    <message>
        <source>Barré en rouge&#xa0;: dans le texte de la publication seulement&#xa0;; en vert&#xa0;: ajouté pour le réseau.</source>
        <translation>Struck through in red: only in the post text; in green: added for the network.</translation>
    </message>
</context>
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
        <source>Remplacer…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>Remplacer par «&#xa0;{s}&#xa0;»</source>
        <translation>Replace with “{s}”</translation>
    </message>
    <message>
        <source>Supprimer «&#xa0;{s}&#xa0;»</source>
        <translation>Delete “{s}”</translation>
    </message>
    <message>
        <source>Ajouter au dictionnaire</source>
        <translation>Add to dictionary</translation>
    </message>
    <message>
        <source>Expliquer</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>Accepter…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <source>Renvoyer…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <source>Retirer la décision</source>
        <translation>Withdraw the decision</translation>
    </message>
    <message>
        <source>acceptée lors de la relecture</source>
        <translation>accepted in review</translation>
    </message>
    <message>
        <source>Aucun signalement. Tact ne repère pas tout&#xa0;: relisez la publication avant de l’approuver.</source>
        <translation>No findings. Tact does not catch everything: read the post again before approving it.</translation>
    </message>
    <message>
        <source>✓ acceptée — </source>
        <translation>✓ accepted — </translation>
    </message>
</context>
<context>
    <name>FrontMatterBar</name>
    <message>
        <source>Titre de la publication</source>
        <translation>Post title</translation>
    </message>
    <message>
        <source>&amp;Titre&#xa0;:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Réseaux&#xa0;:</source>
        <translation>Networks:</translation>
    </message>
    <message>
        <source>«&#xa0;{n}&#xa0;» n’est pas un réseau connu de Tact&#xa0;: décochez-le pour le retirer.</source>
        <translation>“{n}” is not a network Tact knows: untick it to remove it.</translation>
    </message>
    <message>
        <source>En-tête illisible, affiché dans le texte pour être corrigé&#xa0;: {e}</source>
        <translation>Unreadable front matter, shown in the text to be corrected: {e}</translation>
    </message>
    <message>
        <source>{n} signalement(s) dans l’en-tête</source>
        <translation>{n} finding(s) in the front matter</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historique de la publication</source>
        <translation>Post history</translation>
    </message>
    <message>
        <source>De&#xa0;:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>à&#xa0;:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Aucune version enregistrée&#xa0;: la publication n&apos;a pas encore été soumise, relue ni approuvée.</source>
        <translation>No versions recorded: the post has not been submitted, reviewed or approved yet.</translation>
    </message>
    <message>
        <source>{n} version(s) enregistrée(s).</source>
        <translation>{n} version(s) recorded.</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>{h}&#xa0;h&#xa0;{m}</source>
        <translation>{h}:{m}</translation>
    </message>
    <message>
        <source>aujourd’hui à {time}</source>
        <translation>today at {time}</translation>
    </message>
    <message>
        <source>hier à {time}</source>
        <translation>yesterday at {time}</translation>
    </message>
    <message>
        <source>{weekday} à {time}</source>
        <translation>{weekday} at {time}</translation>
    </message>
    <message>
        <source>1er</source>
        <translation>1</translation>
    </message>
    <message>
        <source>le {day} {month} à {time}</source>
        <translation>on {month} {day} at {time}</translation>
    </message>
    <message>
        <source>le {day} {month} {year}</source>
        <translation>on {month} {day}, {year}</translation>
    </message>
    <message>
        <source>modifié par vous après approbation</source>
        <translation>changed by you after approval</translation>
    </message>
    <message>
        <source>modifié par {who} après approbation</source>
        <translation>changed by {who} after approval</translation>
    </message>
    <message>
        <source>modifié après approbation</source>
        <translation>changed after approval</translation>
    </message>
    <message>
        <source>envoyé par vous</source>
        <translation>sent by you</translation>
    </message>
    <message>
        <source>envoyé par {who}</source>
        <translation>sent by {who}</translation>
    </message>
    <message>
        <source>envoyé pour relecture</source>
        <translation>sent for review</translation>
    </message>
    <message>
        <source>{what}, {when}</source>
        <translation>{what}, {when}</translation>
    </message>
    <message>
        <source>aucun point ouvert</source>
        <translation>nothing open</translation>
    </message>
    <message>
        <source>1 point à examiner</source>
        <translation>1 point to look at</translation>
    </message>
    <message>
        <source>{n} points à examiner</source>
        <translation>{n} points to look at</translation>
    </message>
    <message>
        <source>, dont 1 bloquant</source>
        <translation>, 1 of them blocking</translation>
    </message>
    <message>
        <source>, dont {n} bloquants</source>
        <translation>, {n} of them blocking</translation>
    </message>
    <message>
        <source>1 commentaire ouvert</source>
        <translation>1 open comment</translation>
    </message>
    <message>
        <source>{n} commentaires ouverts</source>
        <translation>{n} open comments</translation>
    </message>
    <message>
        <source>historique de relecture endommagé</source>
        <translation>review history damaged</translation>
    </message>
    <message>
        <source>vérification impossible</source>
        <translation>check failed</translation>
    </message>
    <message>
        <source> (en attente de l’autre personne)</source>
        <translation> (waiting for the other person)</translation>
    </message>
    <message>
        <source>À relire</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ouvrir la publication choisie (Entrée ou double-clic)</source>
        <translation>Open the chosen post (Enter or double-click)</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Retour au texte</source>
        <translation>Back to the text</translation>
    </message>
    <message>
        <source>Revenir à la publication ouverte (Échap)</source>
        <translation>Back to the open post (Esc)</translation>
    </message>
    <message>
        <source>Recherche des publications à relire…</source>
        <translation>Looking for posts to review…</translation>
    </message>
    <message>
        <source>Liste des publications à relire impossible à lire&#x202f;: {e}</source>
        <translation>The posts to review could not be listed: {e}</translation>
    </message>
    <message>
        <source>Aucun espace de travail ouvert.</source>
        <translation>No workspace open.</translation>
    </message>
    <message>
        <source>Aucune publication n’attend votre relecture.</source>
        <translation>No post is waiting for your review.</translation>
    </message>
    <message>
        <source>1 publication attend votre relecture.</source>
        <translation>1 post is waiting for your review.</translation>
    </message>
    <message>
        <source>{n} publications attendent votre relecture.</source>
        <translation>{n} posts are waiting for your review.</translation>
    </message>
    <message>
        <source>1 autre, envoyée par vous, attend l’autre personne.</source>
        <translation>1 more, sent by you, is waiting for the other person.</translation>
    </message>
    <message>
        <source>{n} autres, envoyées par vous, attendent l’autre personne.</source>
        <translation>{n} more, sent by you, are waiting for the other person.</translation>
    </message>
    <message>
        <source>{n} fichier(s) illisible(s).</source>
        <translation>{n} unreadable file(s).</translation>
    </message>
    <message>
        <source>Rien à relire pour l’instant. Les publications soumises à relecture apparaîtront ici, avec qui les a envoyées et quand.</source>
        <translation>Nothing to review for now. Posts submitted for review will appear here, with who sent them and when.</translation>
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
        <source>Relecture</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Aperçu par réseau</source>
        <translation>Network preview</translation>
    </message>
    <message>
        <source>Analyse des images&#xa0;: partielle</source>
        <translation>Image analysis: partial</translation>
    </message>
    <message>
        <source>Raccourci&#xa0;: {k}</source>
        <translation>Shortcut: {k}</translation>
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
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Export refusé</source>
        <translation>Export refused</translation>
    </message>
    <message>
        <source>État de la relecture</source>
        <translation>Review state</translation>
    </message>
    <message>
        <source>Non enregistrée&#xa0;: pas encore de relecture</source>
        <translation>Not saved: no review yet</translation>
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
        <source>Analyse de l’espace de travail impossible&#x202f;: {e}</source>
        <translation>Workspace analysis failed: {e}</translation>
    </message>
    <message>
        <source>Remplacer par «&#xa0;{s}&#xa0;»</source>
        <translation>Replace with “{s}”</translation>
    </message>
    <message>
        <source>Supprimer «&#xa0;{s}&#xa0;»</source>
        <translation>Delete “{s}”</translation>
    </message>
    <message>
        <source>Placez le curseur sur un passage signalé (F8&#xa0;: signalement suivant).</source>
        <translation>Put the cursor on a flagged passage (F8: next finding).</translation>
    </message>
    <message>
        <source>«&#xa0;{w}&#xa0;» n’a pas pu être ajouté au dictionnaire&#x202f;: {e}</source>
        <translation>“{w}” could not be added to the dictionary: {e}</translation>
    </message>
    <message>
        <source>«&#xa0;{w}&#xa0;» ajouté au dictionnaire.</source>
        <translation>“{w}” added to the dictionary.</translation>
    </message>
    <message>
        <source>Comptage impossible</source>
        <translation>Counting unavailable</translation>
    </message>
    <message>
        <source>{w} mots · {c} caractères</source>
        <translation>{w} words · {c} characters</translation>
    </message>
    <message>
        <source>{network}&#xa0;: {n} parties, la plus longue {c}/{limit}</source>
        <translation>{network}: {n} parts, longest {c}/{limit}</translation>
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
    <message>
        <source>Profil&#xa0;: à choisir</source>
        <translation>Profile: not set</translation>
    </message>
    <message>
        <source>Personne n’est enregistré comme auteur ou relecteur sur cet ordinateur&#xa0;: cliquez pour vous présenter.</source>
        <translation>Nobody is registered as author or reviewer on this computer: click to introduce yourself.</translation>
    </message>
    <message>
        <source>Profil&#xa0;: {who}</source>
        <translation>Profile: {who}</translation>
    </message>
    <message>
        <source>Les décisions, commentaires et approbations sont enregistrés au nom {of_name}. Relecture à {mode}.
Cliquez pour modifier le profil, ou sur la flèche pour changer de personne.</source>
        <translation>Decisions, comments and approvals are recorded in the name of {name}. Review mode: {mode}.
Click to edit the profile, or on the arrow to switch to another person.</translation>
    </message>
    <message>
        <source>Changer de profil</source>
        <translation>Switch profile</translation>
    </message>
    <message>
        <source>Vous agissez maintenant en tant que {n}.</source>
        <translation>You are now acting as {n}.</translation>
    </message>
    <message>
        <source>Modifier le profil…</source>
        <translation>Edit the profile…</translation>
    </message>
    <message>
        <source>Autre personne…</source>
        <translation>Another person…</translation>
    </message>
    <message>
        <source>Publications à re&amp;lire</source>
        <translation>Posts to re&amp;view</translation>
    </message>
    <message>
        <source>À relire</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Les publications qui attendent une relecture, avec qui les a envoyées et quand ({k})</source>
        <translation>The posts waiting for a review, with who sent them and when ({k})</translation>
    </message>
    <message>
        <source>Publications d’&amp;exemple</source>
        <translation>&amp;Sample posts</translation>
    </message>
    <message>
        <source>À relire ({n})</source>
        <translation>To review ({n})</translation>
    </message>
    <message>
        <source>Vos publications seront rangées dans {f}.</source>
        <translation>Your posts will be kept in {f}.</translation>
    </message>
    <message>
        <source>Exemples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Les publications d’exemple n’ont pas pu être copiées ({e}).</source>
        <translation>The sample posts could not be copied ({e}).</translation>
    </message>
    <message>
        <source>Publications d’exemple&#xa0;: vos nouvelles publications iront dans votre propre espace de travail.</source>
        <translation>Sample posts: your new posts will go into your own workspace.</translation>
    </message>
    <message>
        <source>Les exemples restent à part&#xa0;: votre publication sera enregistrée dans votre propre espace de travail.</source>
        <translation>The samples are kept apart: your post will be saved in your own workspace.</translation>
    </message>
    <message>
        <source>Tact peut créer le dossier «&#xa0;{f}&#xa0;» pour vos publications.</source>
        <translation>Tact can create the folder “{f}” for your posts.</translation>
    </message>
    <message>
        <source>Créer ce dossier</source>
        <translation>Create this folder</translation>
    </message>
    <message>
        <source>Journal des événements</source>
        <translation>Event log</translation>
    </message>
    <message>
        <source>Aucun événement enregistré pour l’instant ({p}).</source>
        <translation>No events recorded yet ({p}).</translation>
    </message>
</context>
<context>
    <name>NetworkPreviewPanel</name>
    <message>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Exports précédents…</source>
        <translation>Previous exports…</translation>
    </message>
    <message>
        <source>Copie refusée</source>
        <translation>Copy refused</translation>
    </message>
    <message>
        <source>copié</source>
        <translation>copied</translation>
    </message>
    <message>
        <source>exporté</source>
        <translation>exported</translation>
    </message>
    <message>
        <source>La publication n’est pas approuvée (état&#xa0;: {state}). En mode deux personnes, seul le texte approuvé peut être {what}&#xa0;: soumettez-la, puis faites-la approuver par l’autre personne.</source>
        <translation>The post is not approved (state: {state}). In two-person mode only the approved text can be {what}: submit it, then have the other person approve it.</translation>
    </message>
    <message>
        <source>Copier sans relecture&#xa0;?</source>
        <translation>Copy without review?</translation>
    </message>
    <message>
        <source>Cette publication n’est pas approuvée (état&#xa0;: {state}).</source>
        <translation>This post is not approved (state: {state}).</translation>
    </message>
    <message>
        <source>Elle n’a pas été relue et approuvée. La copie sera notée dans l’archive des exports.</source>
        <translation>It has not been reviewed and approved. The copy will be recorded in the export archive.</translation>
    </message>
    <message>
        <source>Copier sans relecture</source>
        <translation>Copy without review</translation>
    </message>
    <message>
        <source>Exporter sans relecture&#xa0;?</source>
        <translation>Export without review?</translation>
    </message>
    <message>
        <source>Le rapport de conformité indiquera qu’elle a été exportée sans relecture.</source>
        <translation>The compliance report will say it was exported without review.</translation>
    </message>
    <message>
        <source>Exporter sans relecture</source>
        <translation>Export without review</translation>
    </message>
    <message>
        <source>Profils des réseaux illisibles&#xa0;: {e}</source>
        <translation>Cannot read the network profiles: {e}</translation>
    </message>
    <message>
        <source>… (aperçu tronqué&#x202f;: texte très long)</source>
        <translation>… (preview truncated: very long text)</translation>
    </message>
    <message>
        <source>Aperçu impossible&#xa0;: {e}</source>
        <translation>Preview failed: {e}</translation>
    </message>
    <message>
        <source>Votre cabinet</source>
        <translation>Your practice</translation>
    </message>
    <message>
        <source>Copier pour {network}</source>
        <translation>Copy for {network}</translation>
    </message>
    <message>
        <source>Copier tout le texte pour {network}</source>
        <translation>Copy the whole text for {network}</translation>
    </message>
    <message>
        <source>Copier les {n} parties du fil, séparées par une ligne de tirets</source>
        <translation>Copy the {n} parts of the thread, separated by a line of dashes</translation>
    </message>
    <message>
        <source>{n} parties, la plus longue {c}&#x202f;/&#x202f;{limit}</source>
        <translation>{n} parts, longest {c}&#x202f;/&#x202f;{limit}</translation>
    </message>
    <message>
        <source>{n} de trop pour {network}.</source>
        <translation>{n} characters over the {network} limit.</translation>
    </message>
    <message>
        <source>Exporté en fil de {n} messages numérotés.</source>
        <translation>Exported as a thread of {n} numbered posts.</translation>
    </message>
    <message>
        <source>Texte copié pour {network}.</source>
        <translation>Text copied for {network}.</translation>
    </message>
    <message>
        <source>Export refusé</source>
        <translation>Export refused</translation>
    </message>
    <message>
        <source>Cette partie n’existe plus&#xa0;: le fil compte maintenant {n} partie(s).</source>
        <translation>This part no longer exists: the thread now has {n} part(s).</translation>
    </message>
    <message>
        <source>Partie {i}/{n} copiée pour {network}.</source>
        <translation>Part {i}/{n} copied for {network}.</translation>
    </message>
    <message>
        <source>Export refusé&#xa0;: la publication n’est pas approuvée. Rien n&apos;a été écrit.</source>
        <translation>Export refused: the post is not approved. Nothing was written.</translation>
    </message>
    <message>
        <source>Exporté dans {f} ({nets}), sans relecture.</source>
        <translation>Exported to {f} ({nets}), without review.</translation>
    </message>
    <message>
        <source>Archive des exports non écrite</source>
        <translation>Export archive not written</translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Export refusé&#xa0;: {n} problème(s) à corriger ou à accepter lors de la relecture. Rien n&apos;a été écrit.</source>
        <translation>Export refused: {n} problem(s) to fix or accept in review. Nothing was written.</translation>
    </message>
    <message>
        <source>Exporté dans {f} ({nets}).</source>
        <translation>Exported to {f} ({nets}).</translation>
    </message>
</context>
<context>
    <name>NewPostDialog</name>
    <message>
        <source>Nouvelle publication</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>Ex.&#xa0;: Rhinoplastie, ce qu’il faut savoir</source>
        <translation>E.g.: Rhinoplasty, what you need to know</translation>
    </message>
    <message>
        <source>&amp;Titre de la publication&#xa0;:</source>
        <translation>Post &amp;title:</translation>
    </message>
    <message>
        <source>Créer</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Réseaux&#xa0;:</source>
        <translation>Networks:</translation>
    </message>
</context>
<context>
    <name>PostCard</name>
    <message>
        <source>sans texte alternatif</source>
        <translation>no alternative text</translation>
    </message>
    <message>
        <source>{name} — {alt}</source>
        <translation>{name} — {alt}</translation>
    </message>
    <message>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copier la partie {i} sur {n} (son texte seul)</source>
        <translation>Copy part {i} of {n} (its text only)</translation>
    </message>
    <message>
        <source>… plus</source>
        <translation>… more</translation>
    </message>
    <message>
        <source>{count} / {limit} octets</source>
        <translation>{count} / {limit} bytes</translation>
    </message>
    <message>
        <source>{count} / {limit} caractères</source>
        <translation>{count} / {limit} characters</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>l’en-tête ne peut pas être modifié ici&#xa0;: corrigez-le dans le texte</source>
        <translation>the front matter cannot be changed here: correct it in the text</translation>
    </message>
    <message>
        <source>Remplacer par «&#xa0;{s}&#xa0;»</source>
        <translation>Replace with “{s}”</translation>
    </message>
    <message>
        <source>Supprimer «&#xa0;{s}&#xa0;»</source>
        <translation>Delete “{s}”</translation>
    </message>
    <message>
        <source>Ajouter au dictionnaire</source>
        <translation>Add to dictionary</translation>
    </message>
    <message>
        <source>Conseil&#xa0;: {s}</source>
        <translation>Advice: {s}</translation>
    </message>
    <message>
        <source>Expliquer la règle</source>
        <translation>Explain the rule</translation>
    </message>
    <message>
        <source>Accepter…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <source>Renvoyer à l’auteur…</source>
        <translation>Send back to the author…</translation>
    </message>
    <message>
        <source>Accepté lors de la relecture (motif enregistré).</source>
        <translation>Accepted during review (reason recorded).</translation>
    </message>
    <message>
        <source>Suggestions&#xa0;: {s}</source>
        <translation>Suggestions: {s}</translation>
    </message>
    <message>
        <source>Remplacement proposé&#xa0;: «&#xa0;{s}&#xa0;»</source>
        <translation>Suggested replacement: “{s}”</translation>
    </message>
    <message>
        <source>Remplacement proposé&#xa0;: supprimer le passage</source>
        <translation>Suggested replacement: delete the passage</translation>
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
        <source>«&#xa0;{name}&#xa0;» existe déjà&#xa0;: le fichier de relecture n&apos;a pas été renommé.</source>
        <translation>“{name}” already exists: the review file was not renamed.</translation>
    </message>
    <message>
        <source>Fichier de relecture non renommé ({detail}).</source>
        <translation>Review file not renamed ({detail}).</translation>
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
    <name>ProfileDialog</name>
    <message>
        <source>Profil de relecture</source>
        <translation>Reviewer profile</translation>
    </message>
    <message>
        <source>Prénom Nom</source>
        <translation>First Last</translation>
    </message>
    <message>
        <source>chirurgien, assistante…</source>
        <translation>surgeon, assistant…</translation>
    </message>
    <message>
        <source>Votre nom et votre rôle sont enregistrés avec chaque décision, commentaire et approbation. En mode «&#xa0;deux personnes&#xa0;», qui a accepté un signalement ne peut pas être le seul à approuver la publication.</source>
        <translation>Your name and role are recorded with every decision, comment and approval. In “two people” mode, whoever accepted a finding cannot be the only one to approve the post.</translation>
    </message>
    <message>
        <source>Nom&#xa0;:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Rôle&#xa0;:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Mode de relecture&#xa0;:</source>
        <translation>Review mode:</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
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
        <source>Choisir le dossier d’export</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nouvelle publication</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>Les exemples restent à part&#xa0;: votre publication sera enregistrée dans votre propre espace de travail.</source>
        <translation>The samples are kept apart: your post will be saved in your own workspace.</translation>
    </message>
    <message>
        <source>Tact peut créer le dossier «&#xa0;{f}&#xa0;» pour vos publications, ou utiliser un dossier que vous choisissez.</source>
        <translation>Tact can create the folder “{f}” for your posts, or use a folder you choose.</translation>
    </message>
    <message>
        <source>Créer ce dossier</source>
        <translation>Create this folder</translation>
    </message>
    <message>
        <source>Choisir un dossier…</source>
        <translation>Choose a folder…</translation>
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
    <name>ReviewPanel</name>
    <message>
        <source>acceptée ({kind}) par {by}</source>
        <translation>accepted ({kind}) by {by}</translation>
    </message>
    <message>
        <source>renvoyée à l&apos;auteur par {by}</source>
        <translation>returned to the author by {by}</translation>
    </message>
    <message>
        <source>ouverte ({n} motif(s) sur {total} accepté(s))</source>
        <translation>open ({n} of {total} reasons accepted)</translation>
    </message>
    <message>
        <source>ouverte</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Réparer l’historique…</source>
        <translation>Repair the history…</translation>
    </message>
    <message>
        <source>Met de côté les lignes endommagées (une copie intégrale du fichier est gardée) et note la réparation dans l’historique.</source>
        <translation>Sets the damaged lines aside (a full copy of the file is kept) and records the repair in the history.</translation>
    </message>
    <message>
        <source>Soumettre à relecture</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>Approuver</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Signature électronique&#xa0;: «&#xa0;{author}&#xa0;» pour l’auteur, «&#xa0;{review}&#xa0;» pour la personne qui relit.</source>
        <translation>Electronic signature: “{author}” for the author, “{review}” for the reviewer.</translation>
    </message>
    <message>
        <source>Demander des modifications…</source>
        <translation>Request changes…</translation>
    </message>
    <message>
        <source>Remettre en brouillon</source>
        <translation>Back to draft</translation>
    </message>
    <message>
        <source>Historique…</source>
        <translation>History…</translation>
    </message>
    <message>
        <source>Profil…</source>
        <translation>Profile…</translation>
    </message>
    <message>
        <source>Retirer la décision</source>
        <translation>Withdraw the decision</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Rapport des faux positifs…</source>
        <translation>False positives report…</translation>
    </message>
    <message>
        <source>Les signalements acceptés comme «&#xa0;faux positif&#xa0;» dans cet espace de travail (règle, passage, motif), pour améliorer les règles.</source>
        <translation>The findings accepted as “false positive” in this workspace (rule, passage, reason), to improve the rules.</translation>
    </message>
    <message>
        <source>Commentaires</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>À relire</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Fichier de relecture inutilisable&#xa0;: les décisions sont ignorées.</source>
        <translation>Unusable review file: the decisions are ignored.</translation>
    </message>
    <message>
        <source>Enregistrez la publication pour la faire relire.</source>
        <translation>Save the post to have it reviewed.</translation>
    </message>
    <message>
        <source>État&#xa0;: &lt;b style=&quot;color:{c}&quot;&gt;«&#xa0;{s}&#xa0;»&lt;/b&gt;</source>
        <translation>Status: &lt;b style=&quot;color:{c}&quot;&gt;“{s}”&lt;/b&gt;</translation>
    </message>
    <message>
        <source>texte modifié après approbation&#xa0;: l&apos;approbation ne vaut plus</source>
        <translation>text changed after approval: the approval no longer holds</translation>
    </message>
    <message>
        <source>signé par {who}, {at}</source>
        <translation>signed by {who}, {at}</translation>
    </message>
    <message>
        <source>approuvé malgré {n} commentaire(s) ouvert(s)&#xa0;: «&#xa0;{why}&#xa0;»</source>
        <translation>approved despite {n} open comment(s): “{why}”</translation>
    </message>
    <message>
        <source>Cette version relue par {who}</source>
        <translation>This version reviewed by {who}</translation>
    </message>
    <message>
        <source>Cette version n’a encore été relue par personne.</source>
        <translation>Nobody has reviewed this version yet.</translation>
    </message>
    <message>
        <source>Historique altéré&#xa0;: </source>
        <translation>History tampered with: </translation>
    </message>
    <message>
        <source>Décisions caduques (le passage a changé)&#xa0;: </source>
        <translation>Lapsed decisions (the passage changed): </translation>
    </message>
    <message>
        <source>Relecture</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Enregistrez d&apos;abord la publication.</source>
        <translation>Save the post first.</translation>
    </message>
    <message>
        <source>Accepter le signalement</source>
        <translation>Accept the finding</translation>
    </message>
    <message>
        <source>Renvoyer à l&apos;auteur</source>
        <translation>Return to the author</translation>
    </message>
    <message>
        <source>Commentaire pour l&apos;auteur&#xa0;:</source>
        <translation>Comment for the author:</translation>
    </message>
    <message>
        <source>Vérification impossible&#x202f;: {e}</source>
        <translation>Check failed: {e}</translation>
    </message>
    <message>
        <source>Approuver malgré des commentaires ouverts</source>
        <translation>Approve despite open comments</translation>
    </message>
    <message>
        <source>Ces commentaires ne sont pas résolus. Pourquoi approuver quand même&#xa0;? (obligatoire, noté dans l’historique avec votre nom)</source>
        <translation>These comments are not resolved. Why approve anyway? (required, recorded in the history with your name)</translation>
    </message>
    <message>
        <source>Demander des modifications</source>
        <translation>Request changes</translation>
    </message>
    <message>
        <source>Ce qui doit changer (facultatif)&#xa0;:</source>
        <translation>What needs to change (optional):</translation>
    </message>
    <message>
        <source>Commenter</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Sélectionnez d&apos;abord le passage à commenter.</source>
        <translation>Select the passage to comment on first.</translation>
    </message>
    <message>
        <source>Commenter le passage</source>
        <translation>Comment on the passage</translation>
    </message>
    <message>
        <source>Commentaire&#xa0;:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <source>Répondre</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Réponse&#xa0;:</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>Résoudre</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Le passage de ce commentaire a été supprimé.</source>
        <translation>This comment&apos;s passage was deleted.</translation>
    </message>
    <message>
        <source>Aucune publication à relire.</source>
        <translation>No posts to review.</translation>
    </message>
    <message>
        <source>Rapport des faux positifs</source>
        <translation>False positives report</translation>
    </message>
    <message>
        <source>Tableur CSV (*.csv);;YAML (*.yaml)</source>
        <translation>CSV spreadsheet (*.csv);;YAML (*.yaml)</translation>
    </message>
    <message>
        <source>Aucun signalement accepté comme «&#xa0;faux positif&#xa0;» dans cet espace de travail.</source>
        <translation>No findings accepted as “false positive” in this workspace.</translation>
    </message>
    <message>
        <source>{n} faux positif(s) enregistré(s) dans {f}.</source>
        <translation>{n} false positive(s) saved to {f}.</translation>
    </message>
    <message>
        <source>{n} fichier(s) de relecture illisible(s) ignoré(s).</source>
        <translation>{n} unreadable review file(s) ignored.</translation>
    </message>
    <message>
        <source>Réparer l’historique de relecture</source>
        <translation>Repair the review history</translation>
    </message>
    <message>
        <source>{n} ligne(s) de {name} sont illisibles (ligne(s) {lines}).</source>
        <translation>{n} line(s) of {name} are unreadable (line(s) {lines}).</translation>
    </message>
    <message>
        <source>Une copie intégrale du fichier est gardée à côté de lui&#x202f;; les lignes illisibles sont écartées et la réparation est notée à votre nom. Si une synchronisation est en cours, attendez qu’elle se termine.</source>
        <translation>A full copy of the file is kept next to it; the unreadable lines are set aside and the repair is recorded under your name. If a sync is in progress, wait for it to finish.</translation>
    </message>
    <message>
        <source>Réparer</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>Historique réparé&#x202f;: {n} ligne(s) écartée(s), copie gardée dans {backup}.</source>
        <translation>History repaired: {n} line(s) set aside, copy kept in {backup}.</translation>
    </message>
    <message>
        <source>{n} décision(s) ou étape(s) perdue(s)&#x202f;: vérifiez l’historique.</source>
        <translation>{n} decision(s) or step(s) lost: check the history.</translation>
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
        <source>Conseil&#xa0;:</source>
        <translation>Advice:</translation>
    </message>
    <message>
        <source>Remplacement proposé&#xa0;:</source>
        <translation>Suggested replacement:</translation>
    </message>
    <message>
        <source>supprimer le passage</source>
        <translation>delete the passage</translation>
    </message>
    <message>
        <source>Exemples signalés&#xa0;:</source>
        <translation>Flagged examples:</translation>
    </message>
    <message>
        <source>Exemples acceptés&#xa0;:</source>
        <translation>Accepted examples:</translation>
    </message>
    <message>
        <source>Texte reconnu dans l’image&#xa0;:</source>
        <translation>Text recognised in the image:</translation>
    </message>
    <message>
        <source>Pour en savoir plus&#xa0;:</source>
        <translation>Learn more:</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Valider</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Bienvenue dans Tact</source>
        <translation>Welcome to Tact</translation>
    </message>
    <message>
        <source>Tact relit vos publications avant qu’elles partent sur les réseaux&#xa0;: il signale ce que le code de déontologie médicale ne permet pas et garde la trace de la relecture. Choisissez d’abord où ranger vos publications.</source>
        <translation>Tact reads your posts before they go out on social networks: it flags what the medical code of ethics does not allow and keeps a record of the review. First choose where to keep your posts.</translation>
    </message>
    <message>
        <source>Créer mon espace de travail</source>
        <translation>Create my workspace</translation>
    </message>
    <message>
        <source>Un dossier «&#xa0;{name}&#xa0;» dans vos documents, pour vos publications et leur relecture.</source>
        <translation>A “{name}” folder in your documents, for your posts and their review.</translation>
    </message>
    <message>
        <source>Ouvrir un dossier…</source>
        <translation>Open a folder…</translation>
    </message>
    <message>
        <source>Un dossier qui contient déjà vos publications (fichiers .md).</source>
        <translation>A folder that already holds your posts (.md files).</translation>
    </message>
    <message>
        <source>Essayer avec les exemples</source>
        <translation>Try the samples</translation>
    </message>
    <message>
        <source>Quelques publications d’exemple, pour voir ce que Tact signale. Elles restent à part&#xa0;: vos nouvelles publications n’y sont jamais enregistrées.</source>
        <translation>A few sample posts, to see what Tact flags. They are kept apart: your new posts are never saved there.</translation>
    </message>
</context>
<context>
    <name>WorkspacePanel</name>
    <message>
        <source>Publication</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
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
        <source>E&amp;xporter…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Copier pour le &amp;réseau affiché</source>
        <translation>Copy for the displayed &amp;network</translation>
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
        <source>Montrer ce que Tact a vu dans les &amp;images</source>
        <translation>Show what Tact saw in the &amp;images</translation>
    </message>
    <message>
        <source>Signalement &amp;suivant</source>
        <translation>&amp;Next finding</translation>
    </message>
    <message>
        <source>Signalement &amp;précédent</source>
        <translation>&amp;Previous finding</translation>
    </message>
    <message>
        <source>&amp;Accepter le signalement…</source>
        <translation>&amp;Accept the finding…</translation>
    </message>
    <message>
        <source>&amp;Renvoyer à l’auteur…</source>
        <translation>Send &amp;back to the author…</translation>
    </message>
    <message>
        <source>&amp;Soumettre à relecture</source>
        <translation>&amp;Submit for review</translation>
    </message>
    <message>
        <source>A&amp;pprouver</source>
        <translation>A&amp;pprove</translation>
    </message>
    <message>
        <source>Aperçu par &amp;réseau</source>
        <translation>Preview by &amp;network</translation>
    </message>
    <message>
        <source>Changer de &amp;profil…</source>
        <translation>Switch &amp;profile…</translation>
    </message>
    <message>
        <source>Ouvrir le &amp;journal des événements</source>
        <translation>Open the &amp;event log</translation>
    </message>
    <message>
        <source>À &amp;propos de Tact</source>
        <translation>&amp;About Tact</translation>
    </message>
    <message>
        <source>Entoure dans l’aperçu les panneaux d’un montage, les visages et le texte que l’analyse des images a repérés.</source>
        <translation>Outlines in the preview the panels of a montage, the faces and the text the image analysis found.</translation>
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
        <source>Copier &amp;pour…</source>
        <translation>Copy &amp;for…</translation>
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
        <source>&amp;Relecture</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Soumettre</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Soumettre la publication à la relecture</source>
        <translation>Submit the post for review</translation>
    </message>
    <message>
        <source>Approuver</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Approuver la publication relue</source>
        <translation>Approve the reviewed post</translation>
    </message>
    <message>
        <source>Aperçu par réseau</source>
        <translation>Preview by network</translation>
    </message>
    <message>
        <source>Voir la publication telle qu’elle paraîtra sur chaque réseau</source>
        <translation>See the post as it will appear on each network</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporter la publication pour ses réseaux</source>
        <translation>Export the post for its networks</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Post</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>À relire</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Modifications demandées</source>
        <translation>Changes requested</translation>
    </message>
    <message>
        <source>Approuvé</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Exporté</source>
        <translation>Exported</translation>
    </message>
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
        <source>Ce fichier est trop volumineux pour une publication ({size}&#xa0;Mo&#x202f;; limite {limit}&#xa0;Mo). Il n&apos;a pas été ouvert.</source>
        <translation>This file is too large for a post ({size} MB; limit {limit} MB). It was not opened.</translation>
    </message>
    <message>
        <source>L&apos;écriture a échoué ({detail})&#x202f;: disque plein&#x202f;? Le fichier précédent n&apos;a pas été modifié.</source>
        <translation>Writing failed ({detail}): disk full? The previous file was not changed.</translation>
    </message>
    <message>
        <source>Ce n&apos;est pas un fichier ordinaire (tube, périphérique…)&#x202f;: il n&apos;a pas été ouvert.</source>
        <translation>This is not a regular file (pipe, device…): it was not opened.</translation>
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
        <source>L&apos;enregistrement n&apos;a pas pu être terminé ({detail}). Le fichier précédent n&apos;a pas été modifié.</source>
        <translation>Saving could not be completed ({detail}). The previous file was not changed.</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <source>Le dossier «&#xa0;{f}&#xa0;» n’a pas pu être créé ({e}).</source>
        <translation>The folder “{f}” could not be created ({e}).</translation>
    </message>
    <message>
        <source>Cette publication n’a pas pu être analysée ({detail}).</source>
        <translation>This post could not be analyzed ({detail}).</translation>
    </message>
    <message>
        <source>La vérification de cette publication a échoué ({detail}).</source>
        <translation>Checking this post failed ({detail}).</translation>
    </message>
</context>
</TS>
