#!/bin/bash
mkdir -p dossier
touch dossier/Rapport.PDF dossier/photo.JpG dossier/notes.txt "dossier/mon fichier.DOCX"
cd dossier
for fichier in *.*; do
    extension="${fichier##*.}"
    nouveau_nom=$(echo "$extension" | tr '[:upper:]' '[:lower:]')
    mv "$fichier" "${fichier%.*}.$nouveau_nom"
done
ls
