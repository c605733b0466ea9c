-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): one database
-- per service, as if each organisation ran its own server. The services create their tables
-- themselves (migrations at start).
CREATE DATABASE gemeente;
CREATE DATABASE regisseur;
CREATE DATABASE corporatie;
CREATE DATABASE garantiefonds;
CREATE DATABASE gateway;
